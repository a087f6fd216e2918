/**
 * Dispatch: maps a Web API request (top level or a `$batch` part) to its handler. Every error
 * becomes the service's error body here, so nothing below needs to catch.
 */
import { API_PREFIX, Limits, NAMESPACE, Prefer } from './constants';
import type { ServiceContext } from './context';
import { errors } from './errors';
import type { DvRequest, DvResponse } from './http';
import { errorResponse, parsePrefer } from './http';
import { annotationMatcher } from './odata/serialize';
import { runInUnit } from './pipeline';
import { executeAction } from './handlers/action';
import { batch } from './handlers/batch';
import { count } from './handlers/count';
import { create } from './handlers/create';
import { remove } from './handlers/delete';
import { metadata } from './handlers/metadata';
import { BULK_ACTIONS, executeBulk } from './handlers/multiple';
import type { BulkAction } from './handlers/multiple';
import { writeProperty } from './handlers/property';
import { isCollectionRoute, retrieveRelated } from './handlers/retrieve-related';
import { retrieve } from './handlers/retrieve';
import { retrieveMultiple } from './handlers/retrieve-multiple';
import type { EntityRoute, RouteInfo } from './handlers/route';
import { serviceDocument } from './handlers/service-document';
import { upsert } from './handlers/upsert';
import { whoAmI } from './handlers/whoami';

const BATCH_PATH = /^\/api\/data\/v\d+\.\d+\/\$batch(\?|$)/;

/** Splits a path on `/` outside quotes and parentheses. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const c of path) {
    if (c === "'") quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (c === '/' && !quoted && depth === 0) { out.push(current); current = ''; continue; }
    current += c;
  }
  out.push(current);
  return out;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw errors.querySyntax(`The URL segment '${segment}' contains an invalid percent-encoding.`);
  }
}

export async function dispatch(ctx: ServiceContext, req: DvRequest): Promise<DvResponse> {
  const prefer = parsePrefer(req.headers.prefer);
  try {
    // A write request reads, checks (keys, ETags) and writes in one unit of work under the write lock.
    const write = req.method !== 'GET' && req.method !== 'HEAD' && !BATCH_PATH.test(req.url);
    if (write) return await runInUnit(ctx, ctx.unit, (unit) => route({ ...ctx, unit }, req, prefer));
    return await route(ctx, req, prefer);
  } catch (err) {
    return errorResponse(err, annotationMatcher(prefer.get(Prefer.includeAnnotations))('Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus'));
  }
}

async function route(base: ServiceContext, req: DvRequest, prefer: Map<string, string>): Promise<DvResponse> {
  if (req.url.length > Limits.maxUrlLength && req.method !== 'POST') throw errors.urlTooLong(Limits.maxUrlLength);
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = q < 0 ? '' : req.url.slice(q + 1);
  const m = /^\/api\/data\/(v\d+\.\d+)(?:\/(.*))?$/.exec(path);
  if (!m) throw errors.resourceNotFound(path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path);
  const ctx: ServiceContext = { ...base, apiPath: `${API_PREFIX}${m[1]}` };
  const info: RouteInfo = { req, query, prefer, annotations: annotationMatcher(prefer.get(Prefer.includeAnnotations)) };
  const rest = m[2] ?? '';
  if (rest === '') {
    if (req.method !== 'GET') throw errors.methodNotAllowed(req.method);
    return serviceDocument(ctx);
  }
  const segments = splitPath(rest).map(decodeSegment);
  if (segments[segments.length - 1] === '') segments.pop();
  const [first, second, third] = segments;
  if (first === '$metadata') return metadata(ctx, query);
  if (first === '$batch') {
    if (ctx.inBatch) throw errors.batch('Nested $batch requests are not supported.');
    return batch({ ...ctx, inBatch: true }, info, dispatch);
  }
  const seg = /^([A-Za-z_][A-Za-z0-9_.]*)(?:\((.*)\))?$/s.exec(first);
  if (!seg) throw errors.resourceNotFound(first);
  const [, name, keyText] = seg;
  const table = ctx.schema.byEntitySet(name);
  if (!table) {
    if (name === 'WhoAmI' && segments.length === 1) {
      if (req.method !== 'GET') throw errors.methodNotAllowed(req.method);
      return whoAmI(ctx);
    }
    const handler = ctx.actions.get(name);
    if (handler && segments.length === 1) {
      if (req.method !== 'POST' && !(req.method === 'GET' && keyText !== undefined)) throw errors.methodNotAllowed(req.method);
      return executeAction(ctx, info, name, handler);
    }
    throw errors.resourceNotFound(name);
  }
  const entity: EntityRoute = { ...info, table, keyText };
  if (keyText === undefined) {
    if (second === undefined) {
      if (req.method === 'GET') return retrieveMultiple(ctx, entity);
      if (req.method === 'POST') return create(ctx, entity);
      throw errors.methodNotAllowed(req.method);
    }
    if (second === '$count' && third === undefined) return count(ctx, entity);
    const action = second.startsWith(`${NAMESPACE}.`) ? second.slice(NAMESPACE.length + 1) : undefined;
    if (action && (BULK_ACTIONS as readonly string[]).includes(action) && third === undefined) {
      if (req.method !== 'POST') throw errors.methodNotAllowed(req.method);
      return executeBulk(ctx, entity, action as BulkAction);
    }
    if ((BULK_ACTIONS as readonly string[]).includes(second)) throw errors.unresolvedParameters();
    throw errors.resourceNotFound(second);
  }
  if (second === undefined) {
    switch (req.method) {
      case 'GET': return retrieve(ctx, entity);
      case 'PATCH': return upsert(ctx, entity);
      case 'DELETE': return remove(ctx, entity);
      default: throw errors.methodNotAllowed(req.method);
    }
  }
  const withProperty: EntityRoute = { ...entity, property: second, ref: third === '$ref' };
  if (third !== undefined && third !== '$ref') throw errors.resourceNotFound(third);
  if (req.method === 'GET' && !withProperty.ref && isCollectionRoute(withProperty)) return retrieveRelated(ctx, withProperty);
  if (req.method === 'GET' && !withProperty.ref) return retrieve(ctx, withProperty);
  if (req.method === 'PUT' || req.method === 'DELETE') return writeProperty(ctx, withProperty);
  throw errors.methodNotAllowed(req.method);
}
