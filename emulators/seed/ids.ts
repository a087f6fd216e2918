/**
 * Deterministic GUIDs for seed data: `<prefix><kind>-0000-4000-8000-<n as 12 hex digits>`. Demo and large
 * sets use different prefixes so both can be told apart in logs.
 */
export const KIND = {
  currency: 0x01, user: 0x02, orgUnit: 0x03, account: 0x04, contract: 0x05, contractLine: 0x06, milestone: 0x07,
  project: 0x08, task: 0x09, category: 0x0a, estimateLine: 0x0b, actual: 0x0c, connection: 0x0d,
} as const;
export type Kind = keyof typeof KIND;

function guid(prefix: string, kind: Kind, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`seed id number must be a non-negative integer, got ${n}`);
  return `${prefix}${KIND[kind].toString(16).padStart(2, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const demoId = (kind: Kind, n: number): string => guid('5eed00', kind, n);
export const largeId = (kind: Kind, n: number): string => guid('1a7e00', kind, n);

/** `@odata.bind` value for a record of an entity set. */
export function bind(entitySet: string, id: string): string {
  return `/${entitySet}(${id})`;
}
