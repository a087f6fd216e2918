/**
 * `PATCH /<entityset>(<key>)` (PAD update-delete-entities-using-web-api.md, use-upsert-insert-update-record.md):
 * update when the row exists, create otherwise; `If-Match: *` → update only (404 when missing),
 * `If-None-Match: *` → create only (412 when present), `If-Match: W/"n"` → 412 on a stale version.
 * On the update path key columns in the body are ignored; on the create path the URL key values
 * are copied into the row when the body has none. OData-EntityId echoes the key form used.
 */
import type { ServiceContext } from '../context';
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { createRow, updateRow } from '../operations';
import { parseJsonBody, toRecordData } from '../odata/payload';
import { checkIfMatch, findRow, keyOf, notFound, writeResponse } from './entity-helpers';
import { payloadContext } from './create';
import type { EntityRoute } from './route';
import { header } from './route';

export async function upsert(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const key = keyOf(route);
  const body = parseJsonBody(route.req.body);
  const data = toRecordData(payloadContext(ctx), route.table, body);
  const existing = findRow(ctx, route, key);
  const ifMatch = header(route, 'if-match');
  const ifNoneMatch = header(route, 'if-none-match');
  const keyText = key.kind === 'id' ? key.id : key.text;
  if (existing) {
    if (ifNoneMatch === '*') throw errors.duplicateKey();
    checkIfMatch(route, existing);
    if (key.kind === 'columns') for (const col of Object.keys(key.columns)) delete data[col];
    const row = await updateRow(ctx, route.table, existing, data);
    return writeResponse(ctx, route, row, false, keyText);
  }
  if (ifMatch) throw notFound(route, key);
  if (key.kind === 'columns') for (const [col, v] of Object.entries(key.columns)) if (data[col] === undefined) data[col] = v;
  const row = await createRow(ctx, route.table, data, key.kind === 'id' ? { id: key.id } : {});
  return writeResponse(ctx, route, row, true, keyText);
}
