import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { MANAGED_ZIP_NAME, UNMANAGED_ZIP_NAME } from '../solution/constants';
import { buildSolution, PROJECT_ROOT } from './build';
import { withDirLock } from './file-lock';

export interface BuiltZips {
  readonly managedZip: string;
  readonly unmanagedZip: string;
}

/** Sources whose change makes dist/ stale. */
const SOURCE_DIRS = ['solution', 'scripts', 'webresources', join('pcf', 'SyncStatus')];
const SKIP = new Set(['generated', 'node_modules', 'out']);

function newestSourceMtime(root: string): number {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(root, d));
  return newest;
}

/** True when both zips exist and are newer than every source file. */
export function isBuildUpToDate(zips: BuiltZips, root: string = PROJECT_ROOT): boolean {
  if (!existsSync(zips.managedZip) || !existsSync(zips.unmanagedZip)) return false;
  return Math.min(statSync(zips.managedZip).mtimeMs, statSync(zips.unmanagedZip).mtimeMs) >= newestSourceMtime(root);
}

/**
 * dist/PsaFoSync_managed.zip and dist/PsaFoSync.zip of this checkout, built by the real build when
 * missing or older than their sources ("builds what is missing"). Safe across processes.
 */
export async function ensureSolutionBuilt(options: { root?: string; logger?: Logger } = {}): Promise<BuiltZips> {
  const root = options.root ?? PROJECT_ROOT;
  const zips = { managedZip: join(root, 'dist', MANAGED_ZIP_NAME), unmanagedZip: join(root, 'dist', UNMANAGED_ZIP_NAME) };
  if (isBuildUpToDate(zips, root)) return zips;
  mkdirSync(join(root, 'dist'), { recursive: true });
  return withDirLock(join(root, 'dist', '.build-once.lock'), async () => {
    if (!isBuildUpToDate(zips, root)) await buildSolution({ root, logger: options.logger });
    return zips;
  });
}
