/** `DELETE /<entityset>(<key>)`: 204; 404 when missing; 412 on a stale `If-Match`. */
import type { ServiceContext } from '../context';
import type { DvResponse } from '../http';
import { noContent } from '../http';
import { deleteRow } from '../operations';
import { checkIfMatch, findRow, keyOf, notFound } from './entity-helpers';
import type { EntityRoute } from './route';

export async function remove(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const key = keyOf(route);
  const row = findRow(ctx, route, key);
  if (!row) throw notFound(route, key);
  checkIfMatch(route, row);
  await deleteRow(ctx, route.table, row);
  return noContent();
}
