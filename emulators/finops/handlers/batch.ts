import { randomUUID } from 'node:crypto';
import { finopsErrors } from '../errors';
import { CONTENT_TYPE_JSON, MAX_BATCH_OPERATIONS } from '../constants';
import { BatchFormatError, boundaryOf, parseBatch, serializeBatch, type BatchHttpRequest, type BatchHttpResponse, type BatchPart, type BatchResult } from '../odata/multipart';
import { dispatch, dispatchOrThrow, errorResponse } from './dispatch';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

function toODataRequest(ctx: HandlerContext, rootPath: string, r: BatchHttpRequest, locations: Map<string, string>): ODataRequest {
  let url = r.url;
  const ref = /^\$(\d+)(.*)$/.exec(url);
  if (ref) {
    const loc = locations.get(ref[1]);
    if (!loc) throw finopsErrors.badRequest(`Content-ID Reference: '$${ref[1]}' does not exist in the batch context.`, 'FO_BATCH_REFERENCE');
    url = loc + ref[2];
  }
  const parsed = new URL(url, `${ctx.serviceRoot}/`);
  if (!parsed.pathname.startsWith(rootPath)) throw finopsErrors.noHttpResource(url);
  return {
    method: r.method,
    path: decodeURIComponent(parsed.pathname.slice(rootPath.length)),
    query: parsed.searchParams,
    headers: r.headers,
    body: r.body,
  };
}

function toPart(res: ODataResponse, contentId?: string): BatchHttpResponse {
  const headers: Record<string, string> = { ...res.headers };
  let body: string | undefined;
  if (res.json !== undefined || res.jsonText !== undefined) {
    body = res.jsonText ?? JSON.stringify(res.json);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = CONTENT_TYPE_JSON;
  } else if (res.text !== undefined) body = res.text;
  return { status: res.status, headers: { 'OData-Version': '4.0', ...headers }, body, contentId };
}

class ChangesetFailed extends Error {
  constructor(readonly response: BatchHttpResponse) {
    super('changeset failed');
  }
}

/** One part of a batch: a single request, or a changeset run atomically (a failure is its one answer). */
function runPart(ctx: HandlerContext, rootPath: string, part: BatchPart): BatchResult {
  if (part.kind === 'request') {
    let res: ODataResponse;
    try {
      res = dispatch(ctx, toODataRequest(ctx, rootPath, part.request, new Map()));
    } catch (err) {
      res = errorResponse(err);
    }
    return { kind: 'response', response: toPart(res, part.request.contentId) };
  }
  const locations = new Map<string, string>();
  try {
    const responses = ctx.store.transaction(() =>
      part.requests.map((r) => {
        if (r.method.toUpperCase() === 'GET') {
          throw new ChangesetFailed(toPart(errorResponse(finopsErrors.badRequest('GET requests are not allowed in a changeset.', 'FO_BATCH_FORMAT')), r.contentId));
        }
        let res: ODataResponse;
        try {
          res = dispatchOrThrow(ctx, toODataRequest(ctx, rootPath, r, locations));
        } catch (err) {
          throw new ChangesetFailed(toPart(errorResponse(err), r.contentId));
        }
        if (r.contentId && res.headers.Location) locations.set(r.contentId, res.headers.Location);
        return toPart(res, r.contentId);
      }),
    );
    return { kind: 'changeset', responses };
  } catch (err) {
    if (err instanceof ChangesetFailed) return { kind: 'response', response: err.response };
    throw err;
  }
}

/**
 * POST /data/$batch: up to 5,000 operations; each changeset is atomic (all or nothing) and every part
 * gets its own answer; the batch itself answers 200 even when parts fail (protocols.md §2.4).
 */
export function batch(ctx: HandlerContext, req: ODataRequest): ODataResponse {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) throw finopsErrors.badRequest("The $batch request needs Content-Type: multipart/mixed; boundary=<boundary>.", 'FO_BATCH_FORMAT');
  let parts;
  try {
    parts = parseBatch(req.body ?? '', boundary);
  } catch (err) {
    if (err instanceof BatchFormatError) throw finopsErrors.badRequest(`The batch request is not valid: ${err.message}`, err.code);
    throw err;
  }
  const operations = parts.reduce((n, p) => n + (p.kind === 'changeset' ? p.requests.length : 1), 0);
  if (operations > MAX_BATCH_OPERATIONS) {
    throw finopsErrors.badRequest(`The batch contains ${operations} operations; the maximum is ${MAX_BATCH_OPERATIONS}. Split it into several batches.`, 'FO_BATCH_TOO_LARGE');
  }
  const rootPath = new URL(ctx.serviceRoot).pathname;
  // One SQLite transaction around the whole batch, each changeset nested in it (a savepoint, still
  // all or nothing): SQLite scans its whole page cache at every commit, so a commit per changeset
  // costs more and more as the data grows. An unexpected error keeps the parts run before it.
  let escaped: { error: unknown } | undefined;
  const results = ctx.store.transaction(() => {
    const out: BatchResult[] = [];
    for (const part of parts) {
      try {
        out.push(runPart(ctx, rootPath, part));
      } catch (error) {
        escaped = { error };
        break;
      }
    }
    return out;
  });
  if (escaped) throw escaped.error;
  const responseBoundary = `batchresponse_${randomUUID()}`;
  return {
    status: 200,
    headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` },
    text: serializeBatch(results, responseBoundary, () => randomUUID()),
  };
}
