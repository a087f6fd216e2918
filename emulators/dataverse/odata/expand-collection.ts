/**
 * `$expand` of collection-valued navigation properties (PAD webapi/query/join-tables.md): the child
 * rows whose lookup points at each parent, with the expand's own `$filter`, `$orderby` and `$top`.
 * One SQL query per expand item and page of parents (parent ids passed as one JSON array parameter,
 * so the statement text stays the same), grouped per parent in memory.
 * Decision where the docs are silent: an expanded collection holds at most 5000 rows (the page
 * size of a query); when more match and no `$top` was given, the parent also gets
 * `<nav>@odata.nextLink` to `<set>(<id>)/<nav>?<the expand's options>&$skiptoken=…`, which the
 * emulator serves as the next page of that related collection.
 */
import { Limits } from '../constants';
import { errors } from '../errors';
import type { CollectionNavigation, CompiledTable, SchemaRegistry } from '../schema/registry';
import { columnExpr } from '../store/sqlite-store';
import type { RecordStore, StoredRecord } from '../store/types';
import { buildSkipToken } from './paging';
import { targetKey } from './payload';
import { buildQuery } from './query-options';
import type { ExpandItem } from './query-options';
import { compileFilter, compileOrderBy } from './sql';

export interface RelatedPage {
  rows: StoredRecord[];
  /** More rows matched than the collection holds (only reported when the expand has no `$top`). */
  more: boolean;
}

/** JSON path of the stored target of a polymorphic lookup (`customerid@target` needs quoting). */
function targetExpr(column: string): string {
  return `json_extract(data, '$."${targetKey(column)}"')`;
}

/** SQL condition "the child's lookup points at (one of) the parent(s)", with its parameters. */
export function relatedCondition(coll: CollectionNavigation, parent: CompiledTable, parentIds: string[]): { where: string; params: unknown[] } {
  const col = columnExpr(coll.attribute.name);
  const where = parentIds.length === 1 ? `${col} = ?` : `${col} IN (SELECT value FROM json_each(?))`;
  const params: unknown[] = [parentIds.length === 1 ? parentIds[0] : JSON.stringify(parentIds)];
  if (!coll.polymorphic) return { where, params };
  return { where: `${where} AND ${targetExpr(coll.attribute.name)} = ?`, params: [...params, parent.logicalName] };
}

/** The collection-valued navigation property and its child table, or the service's 400. */
export function collectionOf(schema: SchemaRegistry, parent: CompiledTable, name: string): { coll: CollectionNavigation; child: CompiledTable } {
  const coll = parent.collections.get(name);
  const child = coll ? schema.byLogicalName(coll.table) : undefined;
  if (!coll || !child) throw errors.unknownProperty(parent.logicalName, name);
  return { coll, child };
}

/** Loads the expanded collection of every parent in `parentIds`; parents without children get an empty page. */
export function loadRelated(schema: SchemaRegistry, store: RecordStore, parent: CompiledTable, parentIds: string[], item: ExpandItem): Map<string, RelatedPage> {
  const pages = new Map<string, RelatedPage>(parentIds.map((id) => [id, { rows: [], more: false }]));
  if (parentIds.length === 0) return pages;
  const { coll, child } = collectionOf(schema, parent, item.navigation);
  const scope = relatedCondition(coll, parent, parentIds);
  const filter = item.filter ? compileFilter(schema, child, item.filter) : undefined;
  const rows = store.query(child.logicalName, {
    where: filter ? `(${scope.where}) AND (${filter.where})` : scope.where,
    params: [...scope.params, ...(filter?.params ?? [])],
    orderBy: compileOrderBy(child, item.orderby ?? []),
  });
  const limit = Math.min(item.top ?? Limits.maxPageSize, Limits.maxPageSize);
  for (const row of rows) {
    const page = pages.get(row.data[coll.attribute.name] as string);
    if (!page) continue;
    if (page.rows.length < limit) page.rows.push(row);
    else if (item.top === undefined) page.more = true;
  }
  return pages;
}

/**
 * Builds `<nav>@odata.nextLink` values: the related collection of the parent with the expand's
 * own options and a skiptoken for page 2 (the expanded rows were page 1 of that collection).
 */
export function relatedNextLinkBuilder(serviceRootUrl: string, parent: CompiledTable, schema: SchemaRegistry) {
  return (parentId: string, item: ExpandItem, last: StoredRecord): string => {
    const { child } = collectionOf(schema, parent, item.navigation);
    const token = buildSkipToken({ pageNumber: 2, lastId: last.id }, child.logicalName, child.primaryId);
    return `${serviceRootUrl}/${parent.entitySetName}(${parentId})/${item.navigation}?${buildQuery(item.params, { $skiptoken: token })}`;
  };
}
