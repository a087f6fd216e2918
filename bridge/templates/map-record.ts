import { legalEntities, type MapContext } from './context';
import { applyTransform, copiedValue } from './transforms';
import type { FilterRule, LookupDef, TaskDef, TaskId } from './types';

type Rec = Readonly<Record<string, unknown>>;

/** One record to write: its destination company, key and payload. */
export interface DestinationRecord {
  readonly legalEntity: string | null;
  readonly key: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
}

export type MapOutcome =
  | { readonly kind: 'mapped'; readonly sourceId: string; readonly records: readonly DestinationRecord[]; readonly warnings: readonly string[] }
  /** Dropped by the template's filter (not an error, not reported per record). */
  | { readonly kind: 'filtered'; readonly sourceId: string; readonly reason: string }
  /** Not synced, with a reason the user must see. */
  | { readonly kind: 'skipped'; readonly sourceId: string; readonly reason: string }
  /** A parent is not in the destination yet: retry after the parent's task. */
  | { readonly kind: 'held'; readonly sourceId: string; readonly parent: { readonly name: string; readonly id: string; readonly task: TaskId } }
  | { readonly kind: 'error'; readonly sourceId: string; readonly message: string };

export const FO_COMPANY_FIELD = 'dataAreaId';

/** Reads `field`, `_x_value` or `lookup.field` from a record through the task's lookups. */
export function readSource(task: TaskDef, record: Rec, ctx: MapContext, path: string): unknown {
  const split = splitPath(path);
  if (split === null) return record[path];
  const def = task.source.lookups?.[split.name];
  if (!def) return record[path];
  const id = record[def.attribute];
  if (id === null || id === undefined || id === '') return null;
  return ctx.lookup(split.name, String(id))?.[split.field] ?? null;
}

/** `lookup.field` paths split once (mapping tables are constant; every record reads the same few paths). */
const splitPaths = new Map<string, { readonly name: string; readonly field: string } | null>();
function splitPath(path: string): { readonly name: string; readonly field: string } | null {
  let split = splitPaths.get(path);
  if (split === undefined) {
    const dot = path.indexOf('.');
    split = dot < 0 ? null : { name: path.slice(0, dot), field: path.slice(dot + 1) };
    if (splitPaths.size < 10_000) splitPaths.set(path, split);
  }
  return split;
}

export function passesFilter(rule: FilterRule, value: unknown): boolean {
  const v = value === undefined ? null : value;
  if (rule.op === 'notNull') return v !== null && v !== '';
  const equal = v === rule.value || (v !== null && rule.value !== null && String(v) === String(rule.value));
  return rule.op === 'eq' ? equal : !equal;
}

/** Maps one source record by the task's table: filter, broken references, parents, routing, fields, key. */
export function mapRecord(task: TaskDef, record: Rec, ctx: MapContext): MapOutcome {
  const sourceId = String(record[task.source.idField] ?? '');
  const read = (path: string): unknown => readSource(task, record, ctx, path);

  for (const rule of task.filter) {
    if (!passesFilter(rule, read(rule.field))) return { kind: 'filtered', sourceId, reason: rule.reason };
  }
  for (const [name, def] of lookupEntries(task)) {
    const id = record[def.attribute];
    if (id !== null && id !== undefined && id !== '' && ctx.lookup(name, String(id)) === undefined) {
      return { kind: 'error', sourceId, message: `broken reference: ${def.attribute} points to ${def.entitySet}(${String(id)}), which does not exist` };
    }
  }
  // the parents' companies matter only to routing by parent
  const parentLegalEntity = task.parents.length > 0 && task.routing.kind === 'parent' ? new Map<string, string | null>() : NO_PARENTS;
  for (const p of task.parents) {
    const id = record[p.attribute];
    if (id === null || id === undefined || id === '') continue;
    const state = ctx.parent(p.task, String(id));
    if (state === 'missing') return { kind: 'held', sourceId, parent: { name: p.name, id: String(id), task: p.task } };
    if (state !== 'untracked' && parentLegalEntity !== NO_PARENTS) parentLegalEntity.set(p.name, state.legalEntity);
  }

  const companies = route(task, read, ctx, parentLegalEntity);
  if ('skip' in companies) return { kind: 'skipped', sourceId, reason: companies.skip };

  // one company (the usual case): the payload starts with it, as the copy below would write it
  const list = companies.list;
  const only = list.length === 1 ? list[0] : null;
  const payload: Record<string, unknown> = only === null ? {} : { [FO_COMPANY_FIELD]: only };
  for (const row of task.mapping) {
    let value: unknown;
    let destination = row.destination;
    if (row.transform.kind === 'copy') {
      // the most common row, without applyTransform's result object
      value = copiedValue(row, read);
    } else {
      const r = applyTransform(row, read, ctx);
      if ('error' in r) return { kind: 'error', sourceId, message: r.error };
      if ('skip' in r) return { kind: 'skipped', sourceId, reason: r.skip };
      if ('omit' in r) continue;
      value = r.value;
      if (r.key !== undefined) destination = r.key;
    }
    const empty = value === null || value === undefined || value === '';
    if (empty && (row.required || task.destination.keyFields.includes(row.destination))) {
      return { kind: 'error', sourceId, message: `required field ${row.source ?? row.destination} (${row.destination}) is empty` };
    }
    // a Dataverse date-time arrives as a Date (dynamics-web-api revives them): sent and hashed as the ISO
    // text JSON.stringify would write for it, converted once here rather than at every serialization
    payload[destination] = value instanceof Date ? value.toISOString() : value;
  }

  const records = list.map((company): DestinationRecord => {
    const withCompany = company === null || company === only ? payload : { [FO_COMPANY_FIELD]: company, ...payload };
    const key: Record<string, unknown> = company === null ? {} : { [FO_COMPANY_FIELD]: company };
    for (const f of task.destination.keyFields) key[f] = payload[f];
    return { legalEntity: company, key, payload: withCompany };
  });
  return { kind: 'mapped', sourceId, records, warnings: NO_WARNINGS };
}

const NO_WARNINGS: readonly string[] = Object.freeze([]);
const NO_PARENTS: Map<string, string | null> = new Map();

/** A task's lookups as [name, definition] pairs, listed once per task (mapRecord runs for every record). */
const lookupLists = new WeakMap<TaskDef, readonly (readonly [string, LookupDef])[]>();
function lookupEntries(task: TaskDef): readonly (readonly [string, LookupDef])[] {
  let list = lookupLists.get(task);
  if (!list) {
    list = Object.entries(task.source.lookups ?? {});
    lookupLists.set(task, list);
  }
  return list;
}

function route(task: TaskDef, read: (p: string) => unknown, ctx: MapContext, parents: Map<string, string | null>): { list: (string | null)[] } | { skip: string } {
  const r = task.routing;
  switch (r.kind) {
    case 'none':
      return { list: [null] };
    case 'allLegalEntities': {
      const all = legalEntities(ctx.settings);
      return all.length > 0 ? { list: all } : { skip: 'the connection set maps no organizational unit to a legal entity' };
    }
    case 'orgUnit': {
      const name = read(`${r.lookup}.msdyn_name`);
      if (name === null || name === undefined || name === '') return { skip: `no organizational unit (${r.lookup}) is set, so no legal entity can be chosen` };
      const company = ctx.settings.orgUnitLegalEntity[String(name)];
      if (company === undefined) {
        return { skip: `organizational unit '${String(name)}' is not mapped to a legal entity in the connection set (connectionSet.organizationMappings)` };
      }
      return { list: [company] };
    }
    case 'parent': {
      const company = parents.get(r.parent);
      if (company) return { list: [company] };
      const all = legalEntities(ctx.settings);
      if (all.length === 1) return { list: all };
      return { skip: `the legal entity of the ${r.parent} is unknown (the ${r.parent} has not been synced by this bridge)` };
    }
  }
}
