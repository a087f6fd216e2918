import { finopsErrors } from '../errors';
import { NAMESPACE } from '../constants';
import { enumMembers } from './enums';
import { canonicalDate, defaultValue } from './values';
import type { EntityDef, FieldDef, Row } from './types';
import type { EntityRegistry } from './registry';

const EDM: Record<string, string> = { string: 'Edm.String', int: 'Edm.Int32', int64: 'Edm.Int64', decimal: 'Edm.Decimal', datetime: 'Edm.DateTimeOffset' };

function cannotConvert(value: unknown, f: FieldDef) {
  const target = f.type === 'enum' ? `${NAMESPACE}.${f.enumType}` : EDM[f.type];
  return finopsErrors.badRequest(
    `Cannot convert the literal '${typeof value === 'string' ? value : JSON.stringify(value)}' to the expected type '${target}' (property '${f.name}').`,
    'FO_BAD_VALUE',
  );
}

/** Converts one JSON value to the field's stored form, or throws the OData conversion error. */
export function coerceValue(f: FieldDef, value: unknown): unknown {
  if (value === null) return defaultValue(f);
  switch (f.type) {
    case 'string':
      if (typeof value !== 'string') throw cannotConvert(value, f);
      return f.name === 'dataAreaId' ? value.toLowerCase() : value;
    case 'int':
    case 'int64': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw cannotConvert(value, f);
      return n;
    }
    case 'decimal': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw cannotConvert(value, f);
      return n;
    }
    case 'datetime': {
      const d = typeof value === 'string' ? canonicalDate(value) : undefined;
      if (!d) throw cannotConvert(value, f);
      return d;
    }
    case 'enum': {
      if (typeof value !== 'string') throw cannotConvert(value, f);
      const member = enumMembers(f.enumType ?? '').find((m) => m.toLowerCase() === value.toLowerCase());
      if (!member) {
        throw finopsErrors.badRequest(
          `The value '${value}' is not a valid member of enum type '${NAMESPACE}.${f.enumType}' (property '${f.name}'). Valid members: ${enumMembers(f.enumType ?? '').join(', ')}.`,
          'FO_BAD_ENUM',
        );
      }
      return member;
    }
  }
}

/**
 * Validates a POST/PATCH body against the entity: a JSON object, known properties only, values of the
 * declared types. Annotations (`@odata.type`, `x@odata.bind`) are ignored; read-only fields are dropped.
 */
export function coerceBody(registry: EntityRegistry, entity: EntityDef, body: unknown): Row {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw finopsErrors.badRequest(`The request body must be a JSON object with the properties of '${NAMESPACE}.${entity.type}'.`, 'FO_BAD_BODY');
  }
  const out: Row = {};
  const values = body as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    if (name.includes('@')) continue;
    const f = registry.field(entity.set, name);
    if (!f) throw finopsErrors.bodyUnknownProperty(name, entity.type);
    if (f.readOnly) continue;
    out[name] = coerceValue(f, values[name]);
  }
  return out;
}
