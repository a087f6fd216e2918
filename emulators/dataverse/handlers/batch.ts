/**
 * `POST /$batch`: up to 1000 requests run in order; a changeset is one unit of work (all or
 * nothing) with `Content-ID` references (`$1` in URLs and `@odata.bind`); GET is refused inside a
 * changeset. By default the batch stops at the first failure and answers with that status and
 * only the failing part; with `Prefer: odata.continue-on-error` it answers 200 with every part.
 */
import { randomUUID } from 'node:crypto';
import { ContentTypes, Headers, Limits, Prefer } from '../constants';
import type { ServiceContext } from '../context';
import { errors } from '../errors';
import type { DvRequest, DvResponse } from '../http';
import { errorResponse } from '../http';
import { boundaryOf, parseHttpRequest, serializeBatchResponse, splitMultipart } from '../odata/multipart';
import type { ResponsePart } from '../odata/multipart';
import { runInUnit } from '../pipeline';
import type { RouteInfo } from './route';
import { header } from './route';

export type Dispatch = (ctx: ServiceContext, req: DvRequest) => Promise<DvResponse>;

interface BatchRequest {
  req: DvRequest;
  contentId?: string;
}

type BatchItem = { request: BatchRequest } | { changeset: BatchRequest[] };

class ChangesetFailed extends Error {
  constructor(readonly resp: DvResponse, readonly contentId?: string) {
    super('changeset failed');
  }
}

function toRequest(ctx: ServiceContext, headers: Record<string, string>, body: string): BatchRequest {
  const msg = parseHttpRequest(body);
  let url = msg.url;
  const abs = /^https?:\/\/[^/]+(\/.*)$/i.exec(url);
  if (abs) url = abs[1];
  else if (!url.startsWith('/') && !url.startsWith('$')) url = `${ctx.apiPath}/${url}`;
  if (msg.method === 'GET' && url.length > Limits.maxBatchUrlLength) throw errors.urlTooLong(Limits.maxBatchUrlLength);
  const contentId = headers['content-id'] ?? msg.headers['content-id'];
  return { req: { method: msg.method, url, headers: msg.headers, body: msg.body }, contentId };
}

function parseBatch(ctx: ServiceContext, route: RouteInfo): BatchItem[] {
  const boundary = boundaryOf(header(route, 'content-type'));
  if (!boundary) throw errors.batch('The $batch request must have Content-Type multipart/mixed with a boundary, e.g. multipart/mixed; boundary="batch_1".');
  const text = typeof route.req.body === 'string' ? route.req.body : (route.req.body ?? Buffer.alloc(0)).toString('utf8');
  const items: BatchItem[] = [];
  let total = 0;
  for (const part of splitMultipart(text, boundary)) {
    const inner = boundaryOf(part.headers['content-type']);
    if (inner) {
      const requests = splitMultipart(part.body, inner).map((p) => toRequest(ctx, p.headers, p.body));
      total += requests.length;
      items.push({ changeset: requests });
    } else {
      if (!/^application\/http/i.test(part.headers['content-type'] ?? '')) {
        throw errors.batch(`Each $batch part must have Content-Type application/http or multipart/mixed (got '${part.headers['content-type'] ?? ''}').`);
      }
      items.push({ request: toRequest(ctx, part.headers, part.body) });
      total += 1;
    }
    if (total > Limits.maxBatchParts) throw errors.batch(`The number of requests in the batch exceeds the limit of ${Limits.maxBatchParts}.`);
  }
  return items;
}

function resolveContentIdUrl(url: string, contentIds: Map<string, string>, baseUrl: string): string {
  const m = /^\/?(?:api\/data\/v\d+\.\d+\/)?\$(\d+)(.*)$/.exec(url.replace(/^\/api\/data\/v\d+\.\d+\//, '/'));
  if (!m) return url;
  const target = contentIds.get(m[1]);
  if (!target) throw errors.batch(`Content-ID Reference: '$${m[1]}' does not exist in the batch context.`);
  return target.replace(baseUrl, '') + m[2];
}

function withRequestId(resp: DvResponse): DvResponse {
  return resp.status >= 400 ? { ...resp, headers: { [Headers.requestId]: randomUUID(), ...resp.headers } } : resp;
}

export async function batch(ctx: ServiceContext, route: RouteInfo, dispatch: Dispatch): Promise<DvResponse> {
  if (route.req.method !== 'POST') throw errors.methodNotAllowed(route.req.method);
  const items = parseBatch(ctx, route);
  const continueOnError = route.prefer.has(Prefer.continueOnError);
  const parts: ResponsePart[] = [];
  let failure: DvResponse | undefined;
  for (const item of items) {
    if ('request' in item) {
      const resp = withRequestId(await dispatch({ ...ctx }, item.request.req).catch((err) => errorResponse(err)));
      parts.push({ resp, contentId: item.request.contentId });
      if (resp.status >= 400 && !continueOnError) { failure = resp; break; }
      continue;
    }
    try {
      const results = await runInUnit(ctx, undefined, async (unit) => {
        const contentIds = new Map<string, string>();
        const out: Array<{ resp: DvResponse; contentId?: string }> = [];
        for (const r of item.changeset) {
          if (r.req.method === 'GET') throw new ChangesetFailed(errorResponse(errors.batch('GET requests are not allowed inside a changeset; send them as separate batch parts.')), r.contentId);
          const req = { ...r.req, url: resolveContentIdUrl(r.req.url, contentIds, ctx.baseUrl) };
          const resp = await dispatch({ ...ctx, unit, contentIds }, req).catch((err) => errorResponse(err));
          if (resp.status >= 400) throw new ChangesetFailed(withRequestId(resp), r.contentId);
          const entity = resp.headers[Headers.odataEntityId] ?? resp.headers[Headers.location];
          if (r.contentId !== undefined && entity) contentIds.set(r.contentId, entity);
          out.push({ resp, contentId: r.contentId });
        }
        return out;
      });
      parts.push({ changeset: results });
    } catch (err) {
      const resp = err instanceof ChangesetFailed ? err.resp : withRequestId(errorResponse(err));
      parts.push({ resp, contentId: err instanceof ChangesetFailed ? err.contentId : undefined });
      if (!continueOnError) { failure = resp; break; }
    }
  }
  const boundary = `batchresponse_${randomUUID()}`;
  const body = serializeBatchResponse(failure ? [{ resp: failure }] : parts, boundary, () => `changesetresponse_${randomUUID()}`);
  return {
    status: failure ? failure.status : 200,
    headers: {
      [Headers.contentType]: `${ContentTypes.multipart}; boundary=${boundary}`,
      [Headers.odataVersion]: '4.0',
      ...(continueOnError ? { [Headers.preferenceApplied]: Prefer.continueOnError } : {}),
    },
    body,
  };
}
