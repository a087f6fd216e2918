/**
 * `GET /<entityset>(<key>)/<collection-valued navigation property>`: the related rows of one record
 * (PAD webapi/query-data-web-api.md "Filtered collections"), with the query options, paging and
 * annotations of an entity set query. Also the target of `<nav>@odata.nextLink` of an expansion.
 */
import type { ServiceContext } from '../context';
import type { DvResponse } from '../http';
import { collectionOf, relatedCondition } from '../odata/expand-collection';
import { findRow, keyOf, notFound } from './entity-helpers';
import { retrieveMultiple } from './retrieve-multiple';
import type { EntityRoute } from './route';

export function isCollectionRoute(route: EntityRoute): boolean {
  return route.property !== undefined && route.table.collections.has(route.property) && !route.table.navigation.has(route.property);
}

export async function retrieveRelated(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const { coll, child } = collectionOf(ctx.schema, route.table, route.property ?? '');
  const key = keyOf(route);
  const parent = findRow(ctx, route, key);
  if (!parent) throw notFound(route, key);
  const scope = relatedCondition(coll, route.table, [parent.id]);
  const childRoute: EntityRoute = { ...route, table: child, keyText: undefined, property: undefined, ref: undefined };
  return retrieveMultiple(ctx, childRoute, { ...scope, path: `${route.table.entitySetName}(${parent.id})/${coll.name}` });
}
