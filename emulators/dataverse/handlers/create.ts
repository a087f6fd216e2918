/** `POST /<entityset>`: 204 + OData-EntityId, or 201 with the row on `Prefer: return=representation`. */
import type { ServiceContext } from '../context';
import type { DvResponse } from '../http';
import { createRow } from '../operations';
import { parseJsonBody, toRecordData } from '../odata/payload';
import { writeResponse } from './entity-helpers';
import type { EntityRoute } from './route';

export async function create(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const body = parseJsonBody(route.req.body);
  const data = toRecordData(payloadContext(ctx), route.table, body);
  const row = await createRow(ctx, route.table, data);
  return writeResponse(ctx, route, row, true, row.id);
}

export function payloadContext(ctx: ServiceContext) {
  return {
    schema: ctx.schema,
    store: ctx.store,
    resolveContentId: ctx.contentIds ? (ref: string) => ctx.contentIds?.get(ref.slice(1)) : undefined,
  };
}
