/** `GET /<entityset>(<key>)` and `GET /<entityset>(<key>)/<column>`, with `If-None-Match` → 304. */
import { Annotations, Headers, Prefer } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl, serviceRoot } from '../context';
import type { DvResponse } from '../http';
import { json } from '../http';
import { relatedNextLinkBuilder } from '../odata/expand-collection';
import { RecordSerializer, etagOf } from '../odata/serialize';
import { resolveColumn } from '../odata/sql';
import { findRow, keyOf, notFound } from './entity-helpers';
import { queryOptionsFor } from './retrieve-multiple';
import type { EntityRoute } from './route';
import { header } from './route';

export async function retrieve(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const key = keyOf(route);
  const opts = queryOptionsFor(ctx, route);
  const column = route.property !== undefined ? resolveColumn(route.table, route.property) : undefined;
  const row = findRow(ctx, route, key);
  if (!row) throw notFound(route, key);
  const { table } = route;
  if (route.property !== undefined && column) {
    const name = route.property;
    const value = column.sql === 'id' ? row.id : row.data[column.attr.name] ?? null;
    if (value === null) return { status: 204, headers: { [Headers.odataVersion]: '4.0' } };
    return json(200, { [Annotations.context]: `${metadataUrl(ctx)}#${table.entitySetName}(${row.id})/${name}`, value });
  }
  const etag = etagOf(row.version);
  const ifNoneMatch = header(route, 'if-none-match');
  const conditional = ifNoneMatch && ifNoneMatch !== 'null' && opts.expand.length === 0 && !route.prefer.has(Prefer.includeAnnotations);
  if (conditional && ifNoneMatch.split(',').map((s) => s.trim()).includes(etag)) {
    return { status: 304, headers: { [Headers.odataVersion]: '4.0', [Headers.etag]: etag } };
  }
  const body = new RecordSerializer(ctx.schema, ctx.store).serialize(table, row, {
    select: opts.select, expand: opts.expand, annotations: route.annotations, relatedNextLink: relatedNextLinkBuilder(serviceRoot(ctx), table, ctx.schema),
  });
  const select = opts.select ? `(${opts.select.join(',')})` : '';
  return json(200, { [Annotations.context]: `${metadataUrl(ctx)}#${table.entitySetName}${select}/$entity`, ...body }, { [Headers.etag]: etag });
}
