/** Shared pieces of the single-row handlers: key lookup, ETag checks, entity URLs, representations. */
import { Annotations, Headers, Prefer } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl, serviceRoot } from '../context';
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { json, noContent } from '../http';
import { findByKey, parseKey } from '../odata/keys';
import type { KeyPredicate } from '../odata/keys';
import { parseQueryOptions } from '../odata/query-options';
import { RecordSerializer, etagOf, validateExpand, validateSelect } from '../odata/serialize';
import type { StoredRecord } from '../store/types';
import type { EntityRoute } from './route';
import { header } from './route';

export function keyOf(route: EntityRoute): KeyPredicate {
  if (route.keyText === undefined) throw errors.methodNotAllowed(route.req.method);
  return parseKey(route.table, route.keyText);
}

export function findRow(ctx: ServiceContext, route: EntityRoute, key: KeyPredicate): StoredRecord | undefined {
  return findByKey(ctx.store, route.table, key);
}

export function notFound(route: EntityRoute, key: KeyPredicate): Error {
  return key.kind === 'id' ? errors.recordNotFound(route.table.logicalName, key.id) : errors.recordNotFoundByKey(route.table.logicalName, key.text);
}

/** `If-Match: W/"n"` on an existing row: 412 when the version differs. */
export function checkIfMatch(route: EntityRoute, row: StoredRecord): void {
  const ifMatch = header(route, 'if-match');
  if (ifMatch && ifMatch !== '*' && !ifMatch.split(',').map((s) => s.trim()).includes(etagOf(row.version))) throw errors.versionMismatch();
}

export function entityUrl(ctx: ServiceContext, route: EntityRoute, keyText: string): string {
  return `${serviceRoot(ctx)}/${route.table.entitySetName}(${keyText})`;
}

export function wantsRepresentation(route: EntityRoute): boolean {
  return route.prefer.get('return') === 'representation' || route.prefer.has(Prefer.returnRepresentation);
}

/** 204 with OData-EntityId, or 201/200 with the row when `Prefer: return=representation`. */
export function writeResponse(ctx: ServiceContext, route: EntityRoute, row: StoredRecord, created: boolean, keyText: string): DvResponse {
  const location = entityUrl(ctx, route, keyText);
  // Inside $batch, 204 creates also carry Location (PAD execute-batch-operations-using-web-api.md).
  if (!wantsRepresentation(route)) {
    return noContent({ ...(created && ctx.inBatch ? { [Headers.location]: location } : {}), [Headers.odataEntityId]: location });
  }
  const opts = parseQueryOptions(route.query);
  validateSelect(route.table, opts.select);
  if (route.req.method === 'POST') validateExpand(ctx.schema, route.table, opts.expand);
  const body = new RecordSerializer(ctx.schema, ctx.store).serialize(route.table, row, {
    select: opts.select, expand: route.req.method === 'POST' ? opts.expand : undefined, annotations: route.annotations,
  });
  const select = opts.select ? `(${opts.select.join(',')})` : '';
  return json(created ? 201 : 200, { [Annotations.context]: `${metadataUrl(ctx)}#${route.table.entitySetName}${select}/$entity`, ...body }, {
    [Headers.preferenceApplied]: Prefer.returnRepresentation,
    [Headers.etag]: etagOf(row.version),
    // 201 carries Location (OData 4.0 §11.4.2), not OData-EntityId.
    ...(created ? { [Headers.location]: location } : {}),
  });
}
