/**
 * Canonical values: what the store keeps and what the wire shows, per column type.
 * Date-times are UTC `YYYY-MM-DDTHH:mm:ssZ` (the Web API drops milliseconds), date-only columns
 * `YYYY-MM-DD`, GUIDs lower case.
 */
import type { AttributeDefinition } from '../schema/types';

export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID_RE.test(value);
}

export function nowIso(): string {
  return isoSeconds(new Date());
}

export function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Parses an ISO date or date-time; undefined when it is not one. */
export function canonicalDateTime(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? undefined : isoSeconds(d);
}

export function canonicalDate(text: string): string | undefined {
  const dt = canonicalDateTime(text);
  return dt ? text.slice(0, 10) : undefined;
}

export type EdmType = 'Edm.Guid' | 'Edm.String' | 'Edm.Int32' | 'Edm.Int64' | 'Edm.Decimal' | 'Edm.Double' | 'Edm.Boolean' | 'Edm.DateTimeOffset' | 'Edm.Date';

export function edmType(attr: AttributeDefinition): EdmType {
  switch (attr.type) {
    case 'uniqueidentifier': case 'lookup': case 'owner': case 'customer': return 'Edm.Guid';
    case 'string': case 'memo': return 'Edm.String';
    case 'integer': case 'picklist': case 'state': case 'status': return 'Edm.Int32';
    case 'bigint': return 'Edm.Int64';
    case 'decimal': case 'money': return 'Edm.Decimal';
    case 'double': return 'Edm.Double';
    case 'boolean': return 'Edm.Boolean';
    case 'datetime': return 'Edm.DateTimeOffset';
    case 'dateonly': return 'Edm.Date';
  }
}

/**
 * Converts a client value to the canonical form of the column, or returns an error text naming
 * what was expected. Range and option checks are done by the caller (they have their own codes).
 */
export function coerce(attr: AttributeDefinition, value: unknown): { ok: true; value: unknown } | { ok: false; expected: string } {
  if (value === null) return { ok: true, value: null };
  const type = edmType(attr);
  switch (type) {
    case 'Edm.String':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, expected: type };
    case 'Edm.Guid':
      return isGuid(value) ? { ok: true, value: value.toLowerCase() } : { ok: false, expected: type };
    case 'Edm.Int32': case 'Edm.Int64':
      return typeof value === 'number' && Number.isInteger(value) && (type === 'Edm.Int64' || Math.abs(value) <= 2147483647)
        ? { ok: true, value } : { ok: false, expected: type };
    case 'Edm.Decimal': case 'Edm.Double': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, expected: type };
    }
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected: type };
    case 'Edm.DateTimeOffset': {
      const v = typeof value === 'string' ? canonicalDateTime(value) : undefined;
      return v ? { ok: true, value: v } : { ok: false, expected: type };
    }
    case 'Edm.Date': {
      const v = typeof value === 'string' ? canonicalDate(value) : undefined;
      return v ? { ok: true, value: v } : { ok: false, expected: type };
    }
  }
}
