import { createHash } from 'node:crypto';

/** Namespace for name-based category ids (a fixed random UUID of this project). */
export const CATEGORY_NAMESPACE = '5c1f3a52-8e0b-4d5e-9b7c-2f6a1d4e8c90';

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name always gives the same id. */
export function nameUuid(name: string, namespace = CATEGORY_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
