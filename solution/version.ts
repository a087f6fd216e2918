import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError } from './errors';

/** Dataverse solution version: major.minor.build.revision, each 0..2147483647. */
export const SOLUTION_VERSION_PATTERN = /^\d{1,10}\.\d{1,10}\.\d{1,10}\.\d{1,10}$/;

/** package.json `x.y.z` (no pre-release) + build number (env PSAFO_BUILD_NUMBER, default 0) → `x.y.z.n`. */
export function solutionVersion(packageVersion: string, buildNumber: string | undefined): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion);
  if (!m) {
    throw new ModelError('BAD_VERSION', `solution version: package.json version "${packageVersion}" is not x.y.z; set a plain semantic version (no pre-release tag).`);
  }
  const build = buildNumber === undefined || buildNumber === '' ? '0' : buildNumber;
  if (!/^\d{1,10}$/.test(build) || Number(build) > 2147483647) {
    throw new ModelError('BAD_VERSION', `solution version: PSAFO_BUILD_NUMBER "${build}" is not a whole number 0..2147483647.`);
  }
  return `${m[1]}.${m[2]}.${m[3]}.${Number(build)}`;
}

export function readPackageVersion(projectRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new ModelError('BAD_VERSION', 'solution version: package.json has no "version".');
  return pkg.version;
}
