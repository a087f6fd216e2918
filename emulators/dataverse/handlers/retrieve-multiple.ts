/**
 * `GET /<entityset>`: $select/$filter/$orderby/$top/$count/$expand with odata.maxpagesize paging.
 * With a `scope` the same query runs over a related collection (`<set>(<id>)/<collection nav>`).
 */
import { Annotations, Headers, Limits, Prefer } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl, serviceRoot } from '../context';
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { json } from '../http';
import { relatedNextLinkBuilder } from '../odata/expand-collection';
import { buildSkipToken, parseSkipToken } from '../odata/paging';
import { buildQuery, parseQueryOptions } from '../odata/query-options';
import type { QueryOptions } from '../odata/query-options';
import { RecordSerializer, validateExpand, validateSelect } from '../odata/serialize';
import { compileFilter, compileOrderBy } from '../odata/sql';
import type { CompiledTable } from '../schema/registry';
import { retrieveDelta } from './delta';
import type { EntityRoute } from './route';

export function pageSizeOf(prefer: Map<string, string>): number | undefined {
  const raw = prefer.get(Prefer.maxPageSize);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw errors.invalidArgument(`The odata.maxpagesize preference must be a positive integer (got '${raw}').`);
  return Math.min(n, Limits.maxPageSize);
}

export function contextUrl(ctx: ServiceContext, table: CompiledTable, opts: QueryOptions, suffix = ''): string {
  const select = opts.select ? `(${opts.select.join(',')})` : '';
  return `${metadataUrl(ctx)}#${table.entitySetName}${select}${suffix}`;
}

export function preferenceApplied(route: EntityRoute, pageSize: number | undefined, extra: string[] = []): Record<string, string> {
  const applied = [...extra];
  if (pageSize !== undefined) applied.push(`${Prefer.maxPageSize}=${pageSize}`);
  const ann = route.prefer.get(Prefer.includeAnnotations);
  if (ann !== undefined) applied.push(`${Prefer.includeAnnotations}="${ann}"`);
  return applied.length ? { [Headers.preferenceApplied]: applied.join(',') } : {};
}

export function queryOptionsFor(ctx: ServiceContext, route: EntityRoute): QueryOptions {
  const opts = parseQueryOptions(route.query);
  validateSelect(route.table, opts.select);
  validateExpand(ctx.schema, route.table, opts.expand);
  return opts;
}

/** Restricts a query to the rows related to one parent; `path` replaces the entity set in next links. */
export interface QueryScope {
  where: string;
  params: unknown[];
  path: string;
}

export async function retrieveMultiple(ctx: ServiceContext, route: EntityRoute, scope?: QueryScope): Promise<DvResponse> {
  const { table } = route;
  const opts = queryOptionsFor(ctx, route);
  if (route.prefer.has(Prefer.trackChanges) || opts.deltatoken !== undefined) {
    if (scope) throw errors.invalidArgument('Change tracking applies to entity sets only, not to a related collection. Track the entity set and filter it instead.');
    return retrieveDelta(ctx, route, opts);
  }
  const pageSize = pageSizeOf(route.prefer);
  const filter = opts.filter ? compileFilter(ctx.schema, table, opts.filter) : { where: undefined, params: [] as unknown[] };
  const orderBy = compileOrderBy(table, opts.orderby);
  const paged = pageSize !== undefined || opts.top === undefined;
  const size = paged ? pageSize ?? Limits.maxPageSize : Math.min(opts.top ?? Limits.maxPageSize, Limits.maxPageSize);
  const cookie = paged && opts.skiptoken ? parseSkipToken(opts.skiptoken, table.primaryId) : undefined;
  const keyset = orderBy === undefined;
  const conditions = [scope?.where, filter.where, keyset && cookie?.lastId ? 'id > ?' : undefined].filter((c): c is string => c !== undefined);
  const params = [...(scope?.params ?? []), ...(filter.params ?? []), ...(keyset && cookie?.lastId ? [cookie.lastId] : [])];
  const rows = ctx.store.query(table.logicalName, {
    where: conditions.length ? conditions.map((c) => `(${c})`).join(' AND ') : undefined,
    params, orderBy, limit: size + 1,
    offset: !keyset && cookie ? (cookie.pageNumber - 1) * size : undefined,
  });
  const more = paged && rows.length > size;
  const page = rows.slice(0, size);
  const serializer = new RecordSerializer(ctx.schema, ctx.store);
  const body: Record<string, unknown> = { [Annotations.context]: contextUrl(ctx, table, opts) };
  if (opts.count) {
    const where = [scope?.where, filter.where].filter((c): c is string => c !== undefined).map((c) => `(${c})`).join(' AND ') || undefined;
    const total = ctx.store.count(table.logicalName, { where, params: [...(scope?.params ?? []), ...(filter.params ?? [])] });
    body[Annotations.count] = Math.min(total, Limits.maxCount);
    body[`@${Annotations.totalRecordCount}`] = -1;
    body[`@${Annotations.totalRecordCountLimitExceeded}`] = total > Limits.maxCount;
  }
  serializer.prefetch(table, page, opts.expand);
  const relatedNextLink = relatedNextLinkBuilder(serviceRoot(ctx), table, ctx.schema);
  body.value = page.map((row) => serializer.serialize(table, row, { select: opts.select, expand: opts.expand, annotations: route.annotations, relatedNextLink }));
  if (more) {
    const last = page[page.length - 1];
    const token = buildSkipToken({ pageNumber: (cookie?.pageNumber ?? 1) + 1, lastId: last.id }, table.logicalName, table.primaryId);
    body[Annotations.nextLink] = `${serviceRoot(ctx)}/${scope?.path ?? table.entitySetName}?${buildQuery(opts.params, { $skiptoken: token })}`;
  }
  return json(200, body, preferenceApplied(route, pageSize));
}
