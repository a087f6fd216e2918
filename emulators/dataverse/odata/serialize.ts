/**
 * Rows → Web API JSON (PAD webapi/query/select-columns.md): `@odata.etag` on every row, the
 * primary key always, lookups as `_x_value`, `$select`ed or all columns (nulls included),
 * formatted values and lookup annotations when `Prefer: odata.include-annotations` asks for them,
 * single-valued `$expand` with nested `$select`, collection-valued `$expand` with nested
 * `$select`/`$filter`/`$orderby`/`$top` (rows from odata/expand-collection.ts).
 */
import { Annotations } from '../constants';
import { errors } from '../errors';
import type { CompiledTable, SchemaRegistry } from '../schema/registry';
import { isLookup, lookupValueName, navigationName } from '../schema/registry';
import type { AttributeDefinition } from '../schema/types';
import type { RecordStore, StoredRecord } from '../store/types';
import { collectionOf, loadRelated } from './expand-collection';
import type { RelatedPage } from './expand-collection';
import { targetKey } from './payload';
import type { ExpandItem } from './query-options';
import { compileFilter, compileOrderBy } from './sql';

export type AnnotationFilter = (name: string) => boolean;

export interface SerializeOptions {
  select?: string[];
  expand?: ExpandItem[];
  annotations: AnnotationFilter;
  /** URL of the rest of an expanded collection (`<nav>@odata.nextLink`); without it none is written. */
  relatedNextLink?: (parentId: string, item: ExpandItem, last: StoredRecord) => string;
}

export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/** Parses `odata.include-annotations="a,b*"` into a matcher. */
export function annotationMatcher(pattern: string | undefined): AnnotationFilter {
  if (!pattern) return () => false;
  const items = pattern.replace(/^"|"$/g, '').split(',').map((s) => s.trim()).filter(Boolean);
  const include = items.filter((i) => !i.startsWith('-'));
  const exclude = items.filter((i) => i.startsWith('-')).map((i) => i.slice(1));
  const match = (p: string, name: string) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name);
  return (name) => include.some((p) => match(p, name)) && !exclude.some((p) => match(p, name));
}

/** Checks `$select` items against the table: columns, `_x_value` or the primary id. */
export function validateSelect(table: CompiledTable, select: string[] | undefined): void {
  for (const name of select ?? []) {
    if (table.lookupValues.has(name)) continue;
    const attr = table.attributes.get(name);
    if (!attr || isLookup(attr)) throw errors.unknownProperty(table.logicalName, name);
  }
}

export function validateExpand(schema: SchemaRegistry, table: CompiledTable, expand: ExpandItem[] | undefined): void {
  for (const item of expand ?? []) {
    if (table.collections.has(item.navigation) && !table.navigation.has(item.navigation)) {
      const { child } = collectionOf(schema, table, item.navigation);
      validateSelect(child, item.select);
      if (item.filter) compileFilter(schema, child, item.filter);
      compileOrderBy(child, item.orderby ?? []);
      continue;
    }
    const nav = table.navigation.get(item.navigation);
    if (!nav) throw errors.unknownProperty(table.logicalName, item.navigation);
    const target = schema.byLogicalName(nav.target);
    if (!target) throw errors.unknownProperty(table.logicalName, item.navigation);
    const other = item.params.find(([name]) => name !== '$select');
    if (other) throw errors.querySyntax(`The query option '${other[0]}' is not supported inside $expand of the single-valued navigation property '${item.navigation}'.`);
    validateSelect(target, item.select);
  }
}

const dateFmt = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const numberFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });
const moneyFmt = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function formatted(attr: AttributeDefinition, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (attr.type) {
    case 'picklist': case 'state': case 'status':
      return attr.options?.find((o) => o.value === value)?.label;
    case 'boolean': return value ? 'Yes' : 'No';
    case 'money': return moneyFmt.format(value as number);
    case 'integer': case 'decimal': case 'double': return numberFmt.format(value as number);
    case 'datetime': return dateFmt.format(new Date(value as string)).replace(',', '');
    case 'dateonly': { const [y, m, d] = (value as string).split('-'); return `${Number(m)}/${Number(d)}/${y}`; }
    default: return undefined;
  }
}

/** The columns a row is written with, and (without annotations) the row's properties in order. */
interface RowPlan {
  columns: Array<{ attr: AttributeDefinition; lookup: boolean; prop: string; target: string }>;
  template: Record<string, unknown>;
}

export class RecordSerializer {
  private readonly names = new Map<string, string | null>();
  /** Expanded collections loaded ahead for a page of rows: navigation property → parent id → rows. */
  private readonly related = new Map<string, Map<string, RelatedPage>>();
  private readonly plans = new Map<CompiledTable, Map<string[] | undefined, RowPlan>>();

  constructor(private readonly schema: SchemaRegistry, private readonly store: RecordStore) {}

  /** Loads the collection-valued expansions of a page of rows with one query per expand item. */
  prefetch(table: CompiledTable, rows: StoredRecord[], expand: ExpandItem[] | undefined): void {
    for (const item of expand ?? []) {
      if (!table.collections.has(item.navigation) || table.navigation.has(item.navigation)) continue;
      this.related.set(item.navigation, loadRelated(this.schema, this.store, table, rows.map((r) => r.id), item));
    }
  }

  serialize(table: CompiledTable, row: StoredRecord, opts: SerializeOptions): Record<string, unknown> {
    const plan = this.plan(table, opts.select);
    const wantFormatted = opts.annotations(Annotations.formattedValue);
    const wantNavigation = opts.annotations(Annotations.associatedNavigationProperty);
    const wantLogicalName = opts.annotations(Annotations.lookupLogicalName);
    // without annotations every row has the same properties: a copy of the plan's template (a fast
    // object, cheaper to fill and to serialize than one grown property by property)
    const out: Record<string, unknown> = wantFormatted || wantNavigation || wantLogicalName ? {} : { ...plan.template };
    out[Annotations.etag] = etagOf(row.version);
    for (const { attr, lookup, prop, target: targetColumn } of plan.columns) {
      const value = attr.name === 'versionnumber' ? row.version : row.data[attr.name] ?? null;
      if (lookup) {
        if (value !== null) {
          const target = (row.data[targetColumn] as string | undefined) ?? attr.targets?.[0] ?? '';
          if (wantFormatted) {
            const name = this.primaryName(target, value as string);
            if (name !== null) out[`${prop}@${Annotations.formattedValue}`] = name;
          }
          if (wantNavigation) out[`${prop}@${Annotations.associatedNavigationProperty}`] = navigationName(attr, target);
          if (wantLogicalName) out[`${prop}@${Annotations.lookupLogicalName}`] = target;
        }
        out[prop] = value;
        continue;
      }
      if (wantFormatted) {
        const f = formatted(attr, value);
        if (f !== undefined) out[`${attr.name}@${Annotations.formattedValue}`] = f;
      }
      out[attr.name] = value;
    }
    out[table.primaryId] = row.id;
    for (const item of opts.expand ?? []) {
      if (table.collections.has(item.navigation) && !table.navigation.has(item.navigation)) {
        this.expandCollection(out, table, row, item, opts);
        continue;
      }
      const nav = table.navigation.get(item.navigation);
      const target = nav ? this.schema.byLogicalName(nav.target) : undefined;
      if (!nav || !target) continue;
      const id = row.data[nav.attribute.name];
      const actualTarget = (row.data[targetKey(nav.attribute.name)] as string | undefined) ?? nav.target;
      const related = typeof id === 'string' && actualTarget === nav.target ? this.store.get(target.logicalName, id) : undefined;
      out[item.navigation] = related ? this.serialize(target, related, { select: item.select, annotations: opts.annotations }) : null;
    }
    return out;
  }

  private expandCollection(out: Record<string, unknown>, table: CompiledTable, row: StoredRecord, item: ExpandItem, opts: SerializeOptions): void {
    const page = this.related.get(item.navigation)?.get(row.id)
      ?? loadRelated(this.schema, this.store, table, [row.id], item).get(row.id) ?? { rows: [], more: false };
    const { child } = collectionOf(this.schema, table, item.navigation);
    out[item.navigation] = page.rows.map((r) => this.serialize(child, r, { select: item.select, annotations: opts.annotations }));
    const last = page.rows[page.rows.length - 1];
    if (page.more && last && opts.relatedNextLink) out[`${item.navigation}${Annotations.nextLink}`] = opts.relatedNextLink(row.id, item, last);
  }

  /** How rows of `table` are written for one `$select` (or all columns): worked out once per serializer. */
  private plan(table: CompiledTable, select: string[] | undefined): RowPlan {
    let byTable = this.plans.get(table);
    if (!byTable) {
      byTable = new Map();
      this.plans.set(table, byTable);
    }
    let plan = byTable.get(select);
    if (!plan) {
      const attrs = select
        ? select.map((name) => table.lookupValues.get(name) ?? table.attributes.get(name)).filter((a): a is AttributeDefinition => a !== undefined)
        : [...table.attributes.values()];
      const columns = attrs
        .filter((attr) => attr.name !== table.primaryId)
        .map((attr) => ({ attr, lookup: isLookup(attr), prop: isLookup(attr) ? lookupValueName(attr.name) : attr.name, target: targetKey(attr.name) }));
      const keys = [Annotations.etag, ...columns.map((c) => c.prop), table.primaryId];
      plan = { columns, template: JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, unknown> };
      byTable.set(select, plan);
    }
    return plan;
  }

  private primaryName(logicalName: string, id: string): string | null {
    const cacheKey = `${logicalName}/${id}`;
    if (this.names.has(cacheKey)) return this.names.get(cacheKey) ?? null;
    const table = this.schema.byLogicalName(logicalName);
    const nameAttr = table?.def.primaryNameAttribute;
    const row = table ? this.store.get(logicalName, id) : undefined;
    const name = row && nameAttr ? ((row.data[nameAttr] as string | undefined) ?? null) : null;
    this.names.set(cacheKey, name);
    return name;
  }
}
