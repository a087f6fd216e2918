import { createHash, hash as oneShotHash } from 'node:crypto';

/**
 * JSON with object keys sorted, so equal payloads hash equally whatever the key order. `skip`: keys of
 * the top-level object left out (as if absent). A value with `toJSON` (a Date: dynamics-web-api turns
 * Dataverse date-times into Dates) stands as JSON.stringify writes it.
 */
export function stableStringify(value: unknown, skip?: readonly string[]): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + stableStringify(value[i]);
    return `${out}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return stableStringify((value as { toJSON(): unknown }).toJSON());
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  // a mapped payload is flat (text, numbers, booleans, nulls, Dates): one native JSON.stringify with
  // the sorted key list writes exactly what the generic walk below writes, without its small strings
  if (isFlat(o, keys)) return JSON.stringify(o, sortedKeys(keys, skip));
  keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (skip?.includes(k)) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${stableStringify(o[k])}`;
    first = false;
  }
  return `${out}}`;
}

/** Values JSON.stringify writes as the generic walk does (undefined is written as null there, left out here). */
function isFlat(o: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const k of keys) {
    const v = o[k];
    if (v === null) continue;
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') continue;
    if (t === 'object' && v instanceof Date) continue;
    return false;
  }
  return true;
}

/** The last key list seen and its sorted, skip-filtered copy: the records of one task share their keys. */
let lastKeys: readonly string[] = [];
let lastSkip: readonly string[] | undefined;
let lastSorted: string[] = [];

function sortedKeys(keys: readonly string[], skip: readonly string[] | undefined): string[] {
  if (skip === lastSkip && sameList(keys, lastKeys)) return lastSorted;
  lastKeys = keys;
  lastSkip = skip;
  lastSorted = [...keys].sort().filter((k) => !skip?.includes(k));
  return lastSorted;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** SHA-256 hex of a text: crypto.hash (Node 20.12+, no Hash object) when present. */
const sha256Hex: (text: string) => string =
  typeof oneShotHash === 'function' ? (text) => oneShotHash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');

/** Content hash of a mapped payload (skip writes whose payload did not change); `skip` as in stableStringify. */
export function payloadHash(payload: unknown, skip?: readonly string[]): string {
  return sha256Hex(stableStringify(payload, skip)).slice(0, 32);
}
