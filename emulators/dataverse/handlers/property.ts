/**
 * Single-property writes: `PUT /<set>(<key>)/<column>` `{"value":...}`, `DELETE /<set>(<key>)/<column>`
 * (clears it), `PUT /<set>(<key>)/<nav>/$ref` `{"@odata.id":"..."}` and `DELETE .../<nav>/$ref`.
 */
import { Annotations } from '../constants';
import type { ServiceContext } from '../context';
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { noContent } from '../http';
import { updateRow } from '../operations';
import { parseJsonBody, toRecordData } from '../odata/payload';
import { payloadContext } from './create';
import { checkIfMatch, findRow, keyOf, notFound } from './entity-helpers';
import type { EntityRoute } from './route';

export async function writeProperty(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const key = keyOf(route);
  const row = findRow(ctx, route, key);
  if (!row) throw notFound(route, key);
  checkIfMatch(route, row);
  const name = route.property as string;
  const method = route.req.method;
  let changes: Record<string, unknown>;
  if (route.ref) {
    if (!route.table.navigation.has(name)) throw errors.querySyntax('Expand with $ref is only supported on lookup type navigation property.');
    if (method === 'DELETE') changes = { [`${name}${Annotations.bind}`]: null };
    else {
      const body = parseJsonBody(route.req.body);
      changes = { [`${name}${Annotations.bind}`]: body[Annotations.id] };
    }
  } else if (method === 'DELETE') {
    changes = { [name]: null };
  } else {
    const body = parseJsonBody(route.req.body);
    if (!('value' in body)) throw errors.payload(route.table.entitySetName, `The body of PUT ${name} must be {"value": <new value>}.`);
    changes = { [name]: body.value };
  }
  const data = toRecordData(payloadContext(ctx), route.table, changes);
  await updateRow(ctx, route.table, row, data);
  return noContent();
}

export function methodNotAllowed(method: string): never {
  throw errors.methodNotAllowed(method);
}
