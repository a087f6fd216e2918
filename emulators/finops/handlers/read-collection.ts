import { HEADER } from '../constants';
import type { EntityDef } from '../model/types';
import { parseQueryOptions } from '../odata/query-options';
import { contextUrl, serializeRow, serializeRowJson } from '../odata/serialize';
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
  const context = contextUrl(ctx.serviceRoot, entity, { select: opts.select });
  const count = opts.count ? ctx.store.count(entity.set, base) : undefined;
  const remainingTop = opts.top === undefined ? undefined : opts.top - page.length;
  const link = rows.length > want && (remainingTop === undefined || remainingTop > 0) ? nextLink(ctx, entity, req, skip + page.length, remainingTop) : undefined;
  const headers: Record<string, string> = applied ? { [HEADER.preferenceApplied]: applied } : {};
  if (!opts.select && opts.expand.length === 0) {
    // whole rows: each row's stored JSON is reused (the same text JSON.stringify of the body gives)
    const value = page.map((r) => serializeRowJson(entity, r)).join(',');
    const countPart = count === undefined ? '' : `,"@odata.count":${JSON.stringify(count)}`;
    const linkPart = link === undefined ? '' : `,"@odata.nextLink":${JSON.stringify(link)}`;
    return { status: 200, headers, jsonText: `{"@odata.context":${JSON.stringify(context)}${countPart},"value":[${value}]${linkPart}}` };
  }
  const body: Record<string, unknown> = { '@odata.context': context };
  if (count !== undefined) body['@odata.count'] = count;
  body.value = page.map((r) => {
    const out = serializeRow(entity, r, opts.select);
    if (opts.expand.length > 0) expandRow(ctx.store, ctx.registry, r.data, out, opts.expand, ctx.maxPageSize);
    return out;
  });
  if (link !== undefined) body['@odata.nextLink'] = link;
  return { status: 200, headers, json: body };
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
