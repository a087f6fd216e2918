import { createHash } from 'node:crypto';

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
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (skip?.includes(k)) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${stableStringify(o[k])}`;
    first = false;
  }
  return `${out}}`;
}

/** Content hash of a mapped payload (skip writes whose payload did not change); `skip` as in stableStringify. */
export function payloadHash(payload: unknown, skip?: readonly string[]): string {
  return createHash('sha256').update(stableStringify(payload, skip)).digest('hex').slice(0, 32);
}
