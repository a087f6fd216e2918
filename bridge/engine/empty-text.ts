/**
 * F&O text fields are never null: a field without a value reads as `''`. Dataverse keeps no value as
 * null, so F&O→PSA payloads carry `''` as null. Otherwise a PSA null would come back as `''` and look
 * like a change to the PSA→F&O task that sent it.
 */
export function emptyTextAsNull(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) out[k] = v === '' ? null : v;
  return out;
}
