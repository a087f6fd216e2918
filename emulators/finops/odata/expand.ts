import type { EntityRegistry } from '../model/registry';
import type { Row } from '../model/types';
import { keyString } from '../model/values';
import type { NavDef } from '../model/navigation';
import type { FinOpsStore } from '../store/store';
import type { FilterExpr } from './filter-ast';
import { serializeRow } from './serialize';

/** Adds one-level `$expand`ed navigation values to a serialized row (null / [] when nothing matches). */
export function expandRow(store: FinOpsStore, registry: EntityRegistry, source: Row, out: Row, navs: NavDef[], limit: number): void {
  for (const nav of navs) {
    const target = registry.require(nav.target);
    const company = target.companySpecific ? String(source.dataAreaId) : undefined;
    const targetKeys = target.keys.filter((k) => k !== 'dataAreaId');
    const byKey = !nav.collection && nav.on.length === targetKeys.length && nav.on.every(([, t]) => targetKeys.includes(t));
    if (byKey) {
      const key: Row = company ? { dataAreaId: company } : {};
      for (const [s, t] of nav.on) key[t] = source[s];
      const found = store.get(target.set, keyString(target, key));
      out[nav.name] = found ? serializeRow(target, found) : null;
      continue;
    }
    const filter = nav.on
      .map(([s, t]): FilterExpr => ({ kind: 'cmp', op: 'eq', left: { kind: 'field', name: t }, right: { kind: 'literal', literal: { kind: 'string', value: String(source[s] ?? '') } } }))
      .reduce((a, b): FilterExpr => ({ kind: 'and', left: a, right: b }));
    const rows = store.query(target.set, { companies: company ? [company] : undefined, filter, top: nav.collection ? limit : 1 });
    out[nav.name] = nav.collection ? rows.map((r) => serializeRow(target, r)) : rows[0] ? serializeRow(target, rows[0]) : null;
  }
}
