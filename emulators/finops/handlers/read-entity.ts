import { finopsErrors } from '../errors';
import { HEADER } from '../constants';
import type { EntityDef, Row } from '../model/types';
import { keyString } from '../model/values';
import { parseQueryOptions } from '../odata/query-options';
import { contextUrl, etagOf, serializeRow } from '../odata/serialize';
import { expandRow } from '../odata/expand';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

/** GET /data/<Set>(key): one entity by its full key (any company when the key names it); `$select`, `$expand`. */
export function readEntity(ctx: HandlerContext, entity: EntityDef, key: Row, req: ODataRequest): ODataResponse {
  const opts = parseQueryOptions(ctx.registry, entity, req.query);
  const stored = ctx.store.get(entity.set, keyString(entity, key));
  if (!stored) throw finopsErrors.notFound(entity.set);
  const row = serializeRow(entity, stored, opts.select);
  if (opts.expand.length > 0) expandRow(ctx.store, ctx.registry, stored.data, row, opts.expand, ctx.maxPageSize);
  return {
    status: 200,
    headers: { [HEADER.etag]: etagOf(stored.version) },
    json: { '@odata.context': contextUrl(ctx.serviceRoot, entity, { select: opts.select, single: true }), ...row },
  };
}
