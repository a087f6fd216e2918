/**
 * Change tracking (PAD use-change-tracking-synchronize-data-external-systems.md):
 * `Prefer: odata.track-changes` on a full read returns `@odata.deltaLink`; GET of the delta link
 * returns the rows changed since the token (by version) and then the deleted ones as
 * `$deletedEntity` entries, paged like any read, ending with a fresh delta link.
 */
import { Annotations, Limits, Prefer } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl, serviceRoot } from '../context';
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { json } from '../http';
import { buildDeltaToken, buildSkipToken, parseDeltaToken, parseSkipToken } from '../odata/paging';
import type { PageCookie } from '../odata/paging';
import { buildQuery } from '../odata/query-options';
import type { QueryOptions } from '../odata/query-options';
import { RecordSerializer } from '../odata/serialize';
import { contextUrl, pageSizeOf, preferenceApplied } from './retrieve-multiple';
import type { EntityRoute } from './route';

export function rejectTrackingOptions(opts: QueryOptions): void {
  if (opts.filter) throw errors.trackChangesOption('$filter');
  if (opts.orderby.length) throw errors.trackChangesOption('$orderby');
  if (opts.expand.length) throw errors.trackChangesOption('$expand');
  if (opts.top !== undefined) throw errors.trackChangesOption('$top');
}

export async function retrieveDelta(ctx: ServiceContext, route: EntityRoute, opts: QueryOptions): Promise<DvResponse> {
  const { table } = route;
  rejectTrackingOptions(opts);
  if (!table.def.changeTracking) throw errors.changeTrackingNotEnabled(table.logicalName);
  const size = pageSizeOf(route.prefer) ?? Limits.maxPageSize;
  const cookie = opts.skiptoken ? parseSkipToken(opts.skiptoken, table.primaryId) : undefined;
  const serializer = new RecordSerializer(ctx.schema, ctx.store);
  const ser = (row: Parameters<RecordSerializer['serialize']>[1]) => serializer.serialize(table, row, { select: opts.select, annotations: route.annotations });
  const upTo = cookie?.tracking?.upTo ?? ctx.store.currentVersion();
  const value: Record<string, unknown>[] = [];
  let next: PageCookie | undefined;

  if (opts.deltatoken === undefined) {
    const rows = ctx.store.query(table.logicalName, { where: cookie?.lastId ? 'id > ?' : undefined, params: cookie?.lastId ? [cookie.lastId] : [], limit: size + 1 });
    value.push(...rows.slice(0, size).map(ser));
    if (rows.length > size) next = { pageNumber: (cookie?.pageNumber ?? 1) + 1, lastId: rows[size - 1].id, tracking: { upTo, after: 0, phase: 'changed' } };
  } else {
    const since = parseDeltaToken(opts.deltatoken, Limits.changeTrackingDays);
    let phase = cookie?.tracking?.phase ?? 'changed';
    let after = cookie?.tracking?.after ?? since;
    if (phase === 'changed') {
      const rows = ctx.store.changedBetween(table.logicalName, after, upTo, size + 1);
      value.push(...rows.slice(0, size).map(ser));
      if (rows.length > size) next = { pageNumber: (cookie?.pageNumber ?? 1) + 1, tracking: { upTo, after: rows[size - 1].version, phase } };
      else { phase = 'deleted'; after = since; }
    }
    if (!next && phase === 'deleted') {
      const room = size - value.length;
      const deleted = ctx.store.deletedBetween(table.logicalName, after, upTo, room + 1);
      const deletedContext = `${metadataUrl(ctx)}#${table.entitySetName}/$deletedEntity`;
      for (const d of deleted.slice(0, room)) {
        if (ctx.store.get(table.logicalName, d.id)) continue;
        value.push({ [Annotations.context]: deletedContext, id: d.id, reason: 'deleted' });
      }
      if (deleted.length > room) next = { pageNumber: (cookie?.pageNumber ?? 1) + 1, tracking: { upTo, after: room > 0 ? deleted[room - 1].version : after, phase: 'deleted' } };
    }
  }

  const body: Record<string, unknown> = {
    [Annotations.context]: contextUrl(ctx, table, opts, opts.deltatoken !== undefined ? '/$delta' : ''),
    value,
  };
  const link = `${serviceRoot(ctx)}/${table.entitySetName}?`;
  if (next) body[Annotations.nextLink] = link + buildQuery(opts.params, { $skiptoken: buildSkipToken(next, table.logicalName, table.primaryId) });
  else body[Annotations.deltaLink] = link + buildQuery(opts.params, { $skiptoken: undefined, $deltatoken: buildDeltaToken(upTo) });
  return json(200, body, preferenceApplied(route, pageSizeOf(route.prefer), route.prefer.has(Prefer.trackChanges) ? [Prefer.trackChanges] : []));
}
