import { finopsErrors } from '../errors';
import { NAMESPACE } from '../constants';
import { coerceValue } from '../model/coerce';
import type { EntityDef, Row } from '../model/types';
import type { EntityRegistry } from '../model/registry';

/**
 * Parses an entity key segment `(dataAreaId='usmf',ProjectID='PRJ-1')` (or `('X')` for single-key
 * entities) into typed key values. All key fields are required, as F&O requires them.
 */
function syntax(raw: string) {
  return finopsErrors.badRequest(`Bad Request - Error in query syntax: the key '(${raw})' is not valid.`, 'FO_BAD_KEY');
}

function splitParts(raw: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'") {
      if (quoted && raw[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (c === ',' && !quoted) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (quoted) throw syntax(raw);
  parts.push(cur);
  return parts;
}

function literal(text: string, raw: string): unknown {
  const t = text.trim();
  const q = t.indexOf("'");
  if (q >= 0) {
    if (!t.endsWith("'") || t.length - q < 2) throw syntax(raw);
    const prefix = t.slice(0, q);
    if (prefix !== '' && !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(prefix)) throw syntax(raw);
    return t.slice(q + 1, -1).replace(/''/g, "'");
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) return t;
  throw syntax(raw);
}

export function parseKey(registry: EntityRegistry, entity: EntityDef, raw: string): Row {
  const parts = splitParts(raw).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw syntax(raw);
  const values: Row = {};
  if (parts.length === 1 && !/^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(parts[0])) {
    if (entity.keys.length !== 1) throw missing(entity, 1);
    values[entity.keys[0]] = literal(parts[0], raw);
  } else {
    for (const p of parts) {
      const eq = p.indexOf('=');
      if (eq <= 0) throw syntax(raw);
      const name = p.slice(0, eq).trim();
      if (!entity.keys.includes(name)) {
        throw finopsErrors.badRequest(
          `The key in the request URI is not valid for resource '${NAMESPACE}.${entity.type}'. Ensure that the names and number of key properties match the declared key properties: ${entity.keys.join(', ')}.`,
          'FO_BAD_KEY',
        );
      }
      values[name] = literal(p.slice(eq + 1), raw);
    }
  }
  const given = entity.keys.filter((k) => values[k] !== undefined).length;
  if (given < entity.keys.length) throw missing(entity, given);
  const typed: Row = {};
  for (const k of entity.keys) {
    const f = registry.field(entity.set, k);
    if (!f) throw syntax(raw);
    typed[k] = coerceValue(f, f.type === 'int' || f.type === 'int64' || f.type === 'decimal' ? values[k] : String(values[k]));
  }
  return typed;
}

function missing(entity: EntityDef, given: number) {
  return finopsErrors.badRequest(
    `Only ${given} of ${entity.keys.length} keys provided for lookup, provide keys for ${entity.keys.join(', ')}`,
    'FO_KEY_MISSING',
  );
}
