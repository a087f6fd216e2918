/**
 * Key predicates in URLs (PAD use-alternate-key-reference-record.md): `(guid)`, `(pk=guid)`,
 * `(accountnumber='A1')`, multi-part `(a='x',b=2)`, lookup parts `(_x_value=guid)`; and entity
 * references of `@odata.bind` (`/accounts(guid)`, `accounts(key='v')`, absolute URLs).
 */
import { API_PREFIX } from '../constants';
import { errors } from '../errors';
import type { CompiledTable, SchemaRegistry } from '../schema/registry';
import { isLookup } from '../schema/registry';
import type { RecordData, RecordStore, StoredRecord } from '../store/types';
import { tokenize } from './filter-parser';
import type { Literal } from './filter-parser';
import { splitTopLevel } from './query-options';
import { literalFor } from './sql';
import { GUID_RE } from './values';

export type KeyPredicate = { kind: 'id'; id: string } | { kind: 'columns'; columns: RecordData; text: string };

function literalOf(text: string, table: CompiledTable): Literal {
  const tokens = tokenize(text);
  if (tokens.length !== 1 || tokens[0].t !== 'lit') throw errors.badKey(table.logicalName);
  return tokens[0].v;
}

/** Parses the text between the parentheses of `entityset(...)` against the table's keys. */
export function parseKey(table: CompiledTable, text: string): KeyPredicate {
  const trimmed = text.trim();
  if (GUID_RE.test(trimmed)) return { kind: 'id', id: trimmed.toLowerCase() };
  if (!trimmed.includes('=')) {
    if (/^[0-9a-fA-F-]+$/.test(trimmed) || trimmed.startsWith("'")) throw errors.badGuid(trimmed);
    throw errors.badKey(table.logicalName);
  }
  const parts = splitTopLevel(trimmed, ',').map((p) => {
    const eq = p.indexOf('=');
    if (eq < 0) throw errors.badKey(table.logicalName);
    return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const;
  });
  if (parts.length === 1 && parts[0][0] === table.primaryId) {
    const lit = literalOf(parts[0][1], table);
    if (lit.kind !== 'guid') throw errors.badGuid(parts[0][1]);
    return { kind: 'id', id: lit.value };
  }
  const columns: RecordData = {};
  for (const [name, value] of parts) {
    const lookup = table.lookupValues.get(name);
    const attr = lookup ?? table.attributes.get(name);
    if (!attr || (!lookup && isLookup(attr))) throw errors.badKey(table.logicalName);
    columns[attr.name] = literalFor(attr, literalOf(value, table));
  }
  const names = Object.keys(columns).sort().join(',');
  const matches = (table.def.alternateKeys ?? []).some((k) => [...k.attributes].sort().join(',') === names);
  if (!matches) throw errors.badKey(table.logicalName);
  return { kind: 'columns', columns, text: trimmed };
}

export function findByKey(store: RecordStore, table: CompiledTable, key: KeyPredicate): StoredRecord | undefined {
  return key.kind === 'id' ? store.get(table.logicalName, key.id) : store.findByColumns(table.logicalName, key.columns);
}

export function describeKey(key: KeyPredicate): string {
  return key.kind === 'id' ? key.id : key.text;
}

/** `entityset(key)` of an absolute or relative reference; undefined when it does not have that form. */
export function parseEntityReference(ref: string): { entitySet: string; key: string } | undefined {
  let path = ref.trim();
  const api = path.indexOf(API_PREFIX);
  if (api >= 0) path = path.slice(api + API_PREFIX.length).replace(/^v\d+\.\d+\//, '');
  path = path.replace(/^\//, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/.exec(path);
  return m ? { entitySet: m[1], key: m[2] } : undefined;
}

/** Resolves an `@odata.bind` value to the id of an existing row of the expected table. */
export function resolveReference(schema: SchemaRegistry, store: RecordStore, ref: unknown, expectedTarget: string, navigation: string): string {
  if (typeof ref !== 'string') throw errors.payload('', `The value of '${navigation}@odata.bind' must be an entity reference such as '/accounts(<guid>)'.`);
  const parsed = parseEntityReference(ref);
  if (!parsed) throw errors.payload('', `The entity reference '${ref}' of '${navigation}@odata.bind' is not a valid URI: use '/<entityset>(<key>)'.`);
  const target = schema.byEntitySet(parsed.entitySet);
  if (!target) throw errors.resourceNotFound(parsed.entitySet);
  if (target.logicalName !== expectedTarget) {
    throw errors.payload('', `The navigation property '${navigation}' expects a reference to '${expectedTarget}', not to '${target.logicalName}'.`);
  }
  const key = parseKey(target, parsed.key);
  if (key.kind === 'id') {
    if (!store.exists(target.logicalName, key.id)) throw errors.recordNotFound(target.logicalName, key.id);
    return key.id;
  }
  const row = findByKey(store, target, key);
  if (!row) throw errors.recordNotFoundByKey(target.logicalName, key.text);
  return row.id;
}

