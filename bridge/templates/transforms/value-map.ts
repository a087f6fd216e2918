import type { Transform } from '../types';
import type { ValueMaps } from '../value-maps';
import type { TransformResult } from './result';

type ValueMapTransform = Extract<Transform, { kind: 'valueMap' }>;

/** Applies a value map row; an unmapped value follows the row's `unmapped` policy. */
export function applyValueMap(t: ValueMapTransform, value: unknown, maps: ValueMaps, field: string): TransformResult {
  if (value === null || value === undefined || value === '') return { value: null };
  const map = maps[t.map];
  const hit = map[String(value)];
  if (hit !== undefined) return { value: hit };
  switch (t.unmapped) {
    case 'default':
      return { value: t.default ?? null };
    case 'null':
      return { value: null };
    case 'skip':
      return { skip: `value ${JSON.stringify(value)} of ${field} has no entry in value map ${t.map}; record skipped` };
    case 'error':
      return {
        error: `value ${JSON.stringify(value)} of ${field} has no entry in value map ${t.map}; add it to valueMaps.${t.map} in the configuration`,
      };
  }
}
