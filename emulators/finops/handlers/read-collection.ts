import { HEADER } from '../constants';
import type { EntityDef } from '../model/types';
import { parseQueryOptions } from '../odata/query-options';
import { contextUrl, serializeRow } from '../odata/serialize';
import type { StoreQuery } from '../store/store';
import { expandRow } from '../odata/expand';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

const MAX_PAGE_PREFERENCE = /odata\.maxpagesize=(\d+)/i;

/** Page size: the server maximum (10,000), lowered by `Prefer: odata.maxpagesize=N`. */
function pageSize(ctx: HandlerContext, req: ODataRequest): { size: number; applied?: string } {
  const m = MAX_PAGE_PREFERENCE.exec(req.headers[HEADER.prefer] ?? '');
  if (!m) return { size: ctx.maxPageSize };
  const size = Math.max(1, Math.min(ctx.maxPageSize, Number(m[1])));
  return { size, applied: `odata.maxpagesize=${size}` };
}

function nextLink(ctx: HandlerContext, entity: EntityDef, req: ODataRequest, skip: number, top: number | undefined): string {
  const q = new URLSearchParams(req.query);
  q.set('$skip', String(skip));
  if (top !== undefined) q.set('$top', String(top));
  else q.delete('$top');
  return `${ctx.serviceRoot}/${entity.set}?${q.toString().replace(/\+/g, '%20')}`;
}

/**
 * GET /data/<Set>: default-company scoping (`cross-company=true` for all companies), `$filter`,
 * `$select`, `$orderby`, `$top`, `$skip`, `$count`; server-driven paging with `@odata.nextLink`.
 */
export function readCollection(ctx: HandlerContext, entity: EntityDef, req: ODataRequest): ODataResponse {
  const opts = parseQueryOptions(ctx.registry, entity, req.query);
  const base: StoreQuery = {
    companies: entity.companySpecific && !opts.crossCompany ? [ctx.defaultCompany] : undefined,
    filter: opts.filter,
    orderBy: opts.orderBy,
  };
  const { size, applied } = pageSize(ctx, req);
  const skip = opts.skip ?? 0;
  const want = opts.top === undefined ? size : Math.min(size, opts.top);
  const rows = ctx.store.query(entity.set, { ...base, skip, top: want + 1 });
  const page = rows.slice(0, want);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx.serviceRoot, entity, { select: opts.select }) };
  if (opts.count) body['@odata.count'] = ctx.store.count(entity.set, base);
  body.value = page.map((r) => {
    const out = serializeRow(entity, r, opts.select);
    if (opts.expand.length > 0) expandRow(ctx.store, ctx.registry, r.data, out, opts.expand, ctx.maxPageSize);
    return out;
  });
  const remainingTop = opts.top === undefined ? undefined : opts.top - page.length;
  if (rows.length > want && (remainingTop === undefined || remainingTop > 0)) {
    body['@odata.nextLink'] = nextLink(ctx, entity, req, skip + page.length, remainingTop);
  }
  return { status: 200, headers: applied ? { [HEADER.preferenceApplied]: applied } : {}, json: body };
}

/** GET /data/<Set>/$count: the number of rows the same query would return, as text/plain. */
export function readCount(ctx: HandlerContext, entity: EntityDef, req: ODataRequest): ODataResponse {
  const opts = parseQueryOptions(ctx.registry, entity, req.query);
  const n = ctx.store.count(entity.set, {
    companies: entity.companySpecific && !opts.crossCompany ? [ctx.defaultCompany] : undefined,
    filter: opts.filter,
  });
  return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, text: String(n) };
}
