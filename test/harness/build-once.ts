import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSolution, PROJECT_ROOT } from '../../scripts/build';
import { withDirLock } from '../../scripts/file-lock';
import { MANAGED_ZIP_NAME, UNMANAGED_ZIP_NAME } from '../../solution/constants';

export interface BuiltZips {
  readonly managedZip: string;
  readonly unmanagedZip: string;
}

/** Sources whose change makes dist/ stale. */
const SOURCE_DIRS = ['solution', 'scripts', 'webresources', join('pcf', 'SyncStatus')];

function newestSourceMtime(root: string): number {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'generated' || e.name === 'node_modules' || e.name === 'out') continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(root, d));
  return newest;
}

function upToDate(zips: BuiltZips, root: string): boolean {
  if (!existsSync(zips.managedZip) || !existsSync(zips.unmanagedZip)) return false;
  const built = Math.min(statSync(zips.managedZip).mtimeMs, statSync(zips.unmanagedZip).mtimeMs);
  return built >= newestSourceMtime(root);
}

/**
 * The dist/ zips of this checkout, built by the real build when missing or older than their
 * sources (a fresh clone builds once; later test files reuse it). Safe across jest workers.
 */
export async function ensureBuilt(): Promise<BuiltZips> {
  const root = PROJECT_ROOT;
  const zips = { managedZip: join(root, 'dist', MANAGED_ZIP_NAME), unmanagedZip: join(root, 'dist', UNMANAGED_ZIP_NAME) };
  if (upToDate(zips, root)) return zips;
  mkdirSync(join(root, 'dist'), { recursive: true });
  return withDirLock(join(root, 'dist', '.build-once.lock'), async () => {
    if (!upToDate(zips, root)) await buildSolution({ root });
    return zips;
  });
}
