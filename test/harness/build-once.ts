import { ensureSolutionBuilt, type BuiltZips } from '../../scripts/ensure-built';

export type { BuiltZips };

/**
 * The dist/ zips of this checkout for tests that need them (the sandbox import, deploy, solution check):
 * built once by the real build when missing or older than their sources, then reused by later test files.
 */
export function ensureBuilt(): Promise<BuiltZips> {
  return ensureSolutionBuilt();
}
