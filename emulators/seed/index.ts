import type { DatasetName, SeedSet } from './types';
import { SeedNameError } from './types';
import { demoSeed } from './demo';
import { largeSeed, MAX_LARGE_SCALE } from './large';

export type { DatasetName, DemoSeedSet, SeedRecord, SeedSet, SeedTable } from './types';
export { SeedNameError } from './types';
export { demoSeed } from './demo';
export { largeSeed } from './large';

const LARGE_PREFIX = 'large:';

/** Parses `demo`, `none` or `large:N` (N a positive number up to 100, fractions allowed). */
export function parseDatasetName(name: string): DatasetName {
  if (name === 'demo') return { kind: 'demo' };
  if (name === 'none') return { kind: 'none' };
  if (name.startsWith(LARGE_PREFIX)) {
    const text = name.slice(LARGE_PREFIX.length);
    const scale = Number(text);
    if (text.trim() !== '' && Number.isFinite(scale) && scale > 0 && scale <= MAX_LARGE_SCALE) return { kind: 'large', scale };
    throw new SeedNameError(`"${name}": N in large:N must be a number greater than 0 and at most ${MAX_LARGE_SCALE} (large:1 = 100 projects, 50,000 actuals).`);
  }
  throw new SeedNameError(`Unknown dataset "${name}". Use demo, none or large:N (e.g. large:1).`);
}

/** The data set for a name; `none` is an empty set. */
export function resolveDataset(name: string | DatasetName): SeedSet {
  const parsed = typeof name === 'string' ? parseDatasetName(name) : name;
  switch (parsed.kind) {
    case 'demo':
      return demoSeed();
    case 'none':
      return { dataverse: [], finops: [] };
    case 'large':
      return largeSeed(parsed.scale);
  }
}
