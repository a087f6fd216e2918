import { finopsErrors, FinOpsError } from '../errors';
import { CONTENT_TYPE_ERROR, CONTENT_TYPE_XML } from '../constants';
import { buildMetadata } from '../model/metadata';
import { parseKey } from '../odata/key';
import { createEntity } from './create';
import { deleteEntity } from './delete';
import { readCollection, readCount } from './read-collection';
import { readEntity } from './read-entity';
import { serviceDocument } from './service-document';
import { updateEntity } from './update';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

const SEGMENT = /^\/([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?(\/\$count)?\/?$/s;
const metadataCache = new WeakMap<object, string>();

/** Turns a thrown FinOpsError into its response; anything else becomes the generic 500 (no stack). */
export function errorResponse(err: unknown): ODataResponse {
  const e = err instanceof FinOpsError ? err : finopsErrors.internal(err instanceof Error ? err.message : String(err));
  const body = e.body();
  return { status: e.status, headers: { ...e.headers, ...(body ? { 'Content-Type': CONTENT_TYPE_ERROR } : {}) }, json: body };
}

function route(ctx: HandlerContext, req: ODataRequest): ODataResponse {
  const method = req.method.toUpperCase();
  if (req.path === '' || req.path === '/') {
    if (method !== 'GET') throw finopsErrors.methodNotAllowed(method, 'the service document');
    return serviceDocument(ctx);
  }
  if (req.path === '/$metadata') {
    if (method !== 'GET') throw finopsErrors.methodNotAllowed(method, '$metadata');
    let xml = metadataCache.get(ctx.registry);
    if (!xml) {
      xml = buildMetadata(ctx.registry.entities);
      metadataCache.set(ctx.registry, xml);
    }
    return { status: 200, headers: { 'Content-Type': CONTENT_TYPE_XML }, text: xml };
  }
  const m = SEGMENT.exec(req.path);
  if (!m) throw finopsErrors.noHttpResource(`${ctx.serviceRoot}${req.path}`);
  const [, set, keyText, count] = m;
  const entity = ctx.registry.entity(set);
  if (!entity) throw finopsErrors.notFound(set);
  if (keyText === undefined) {
    if (count) {
      if (method !== 'GET') throw finopsErrors.methodNotAllowed(method, `${set}/$count`);
      return readCount(ctx, entity, req);
    }
    if (method === 'GET') return readCollection(ctx, entity, req);
    if (method === 'POST') return createEntity(ctx, entity, req);
    throw finopsErrors.methodNotAllowed(method, set);
  }
  if (count) throw finopsErrors.noHttpResource(`${ctx.serviceRoot}${req.path}`);
  const key = parseKey(ctx.registry, entity, keyText);
  if (method === 'GET') return readEntity(ctx, entity, key, req);
  if (method === 'PATCH' || method === 'PUT' || method === 'MERGE') return updateEntity(ctx, entity, key, req);
  if (method === 'DELETE') return deleteEntity(ctx, entity, key, req);
  throw finopsErrors.methodNotAllowed(method, set);
}

/** The OData pipeline after authentication: route → handler → response; errors from the one factory. */
export function dispatch(ctx: HandlerContext, req: ODataRequest): ODataResponse {
  try {
    return route(ctx, req);
  } catch (err) {
    return errorResponse(err);
  }
}

/** Like dispatch, but lets the error escape (changesets roll back on it). */
export function dispatchOrThrow(ctx: HandlerContext, req: ODataRequest): ODataResponse {
  return route(ctx, req);
}
