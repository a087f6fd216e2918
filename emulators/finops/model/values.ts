import type { EntityDef, FieldDef, Row } from './types';
import { enumMembers } from './enums';

/** F&O has no nulls: unset fields read back as these defaults (strings "", dates 1900-01-01T12:00:00Z). */
export const EMPTY_DATE = '1900-01-01T12:00:00Z';

export function defaultValue(f: FieldDef): unknown {
  switch (f.type) {
    case 'string':
      return '';
    case 'int':
    case 'int64':
    case 'decimal':
      return 0;
    case 'datetime':
      return EMPTY_DATE;
    case 'enum':
      return enumMembers(f.enumType ?? '')[0];
  }
}

export function defaultRow(entity: EntityDef): Row {
  const row: Row = {};
  for (const f of entity.fields) row[f.name] = defaultValue(f);
  return row;
}

/** ISO 8601 as F&O writes it: seconds precision unless milliseconds are set, `Z` suffix. */
export function canonicalDate(input: string): string | undefined {
  const t = Date.parse(input);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** True when a value counts as "not given" (empty string, empty date, zero-GUID is not special). */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === EMPTY_DATE;
}

/** The storage key of a row: key values in key order, strings compared case-insensitively as F&O does. */
export function keyString(entity: EntityDef, values: Row): string {
  return entity.keys.map((k) => String(values[k] ?? '').toLowerCase()).join('\u0001');
}

export function keyDescription(entity: EntityDef, values: Row): string {
  return entity.keys.map((k) => `${k}: ${String(values[k] ?? '')}`).join(', ');
}
