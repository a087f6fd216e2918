/** Formats an OData key segment: `(dataAreaId='USSI',ProjectID='O''Brien')`; strings quoted with '' escaping. */
export function formatKey(key: Readonly<Record<string, unknown>>): string {
  let out = '(';
  for (const name in key) out += `${out.length > 1 ? ',' : ''}${name}=${literal(name, key[name])}`;
  return `${out})`;
}

function literal(name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  throw new Error(`key field ${name} has no usable value (${JSON.stringify(value)})`);
}

/** Key segment URL-encoded for a request path (quotes kept readable). */
export function keyPath(entitySet: string, key: Readonly<Record<string, unknown>>): string {
  return `${entitySet}${encodeURI(formatKey(key)).replace(/#/g, '%23').replace(/\?/g, '%3F')}`;
}
