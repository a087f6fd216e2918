import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented webhook key with the configured one in constant time. Both sides are
 * hashed first so that neither the length nor the content leaks through timing.
 */
export function sharedKeyMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || expected.length === 0) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
