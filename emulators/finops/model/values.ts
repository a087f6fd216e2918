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

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ssZ`: the forms clients send almost always. */
const COMMON_FORM = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The canonical form of a valid date in a common form, without a Date round trip (a date alone is
 * midnight UTC, as Date.parse reads it); undefined when `input` is not in such a form or not valid.
 */
function fastCanonical(input: string): string | undefined {
  const m = COMMON_FORM.exec(input);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  if (m[4] === undefined) return `${input}T00:00:00Z`;
  return Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59 ? undefined : input;
}

/** ISO 8601 as F&O writes it: seconds precision unless milliseconds are set, `Z` suffix. */
export function canonicalDate(input: string): string | undefined {
  const fast = fastCanonical(input);
  if (fast !== undefined) return fast;
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
