import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { MANAGED_ZIP_NAME, UNMANAGED_ZIP_NAME } from '../solution/constants';
import { createSolutionModel } from '../solution/model';
import type { SolutionModel } from '../solution/types';
import { validateModel } from '../solution/validate';
import { readPackageVersion, solutionVersion } from '../solution/version';
import { solutionFiles } from './pack/layout';
import { writeZip } from './pack/zip';
import { buildPcf } from './pcf-build';
import { formatSizeTable, type SizeRow } from './size-table';
import { validateSources } from './validate-sources';
import { buildWebResources } from './webpack-build';

export const PROJECT_ROOT = resolve(__dirname, '..');

export interface BuildOptions {
  /** Project root (package.json, node_modules, webresources/). Default: this checkout. */
  readonly root?: string;
  /** Where the zips go. Default <root>/dist. */
  readonly distDir?: string;
  /** Intermediate output (web resource bundles). Default <root>/out. */
  readonly workDir?: string;
  /** PCF project folder. Default <root>/pcf. */
  readonly pcfDir?: string;
  /** The model to build. Default: the PsaFoSync model at the package.json version. */
  readonly model?: SolutionModel;
  /** Overrides package.json's version (x.y.z) when no model is given. */
  readonly packageVersion?: string;
  /** Build number → 4th version part. Default env PSAFO_BUILD_NUMBER or 0. */
  readonly buildNumber?: string;
  readonly logger?: Logger;
}

export interface BuildResult {
  readonly model: SolutionModel;
  readonly managedZip: string;
  readonly unmanagedZip: string;
  /** Zips first, then each web resource bundle and control file. */
  readonly sizes: readonly SizeRow[];
}

/** The whole build: validate → PCF → webpack → serialize → two zips. Throws ModelError / BuildError naming the component. */
export async function buildSolution(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? PROJECT_ROOT;
  const logger = options.logger ?? pino({ level: 'silent' });
  const distDir = options.distDir ?? join(root, 'dist');
  const workDir = options.workDir ?? join(root, 'out');
  const pcfDir = options.pcfDir ?? join(root, 'pcf');
  const model = options.model ?? createSolutionModel(solutionVersion(options.packageVersion ?? readPackageVersion(root), options.buildNumber ?? process.env.PSAFO_BUILD_NUMBER));

  validateModel(model);
  validateSources(model, root, pcfDir);
  const pcf = await buildPcf({ root, pcfDir, controls: model.controls, workDir, logger });
  const webResources = await buildWebResources({ root, outDir: join(workDir, 'webresources'), resources: model.webResources, logger });
  const built = { webResources, controls: pcf.outputs };

  mkdirSync(distDir, { recursive: true });
  const managedZip = join(distDir, MANAGED_ZIP_NAME);
  const unmanagedZip = join(distDir, UNMANAGED_ZIP_NAME);
  writeAtomically(managedZip, await writeZip(solutionFiles(model, built, true)));
  writeAtomically(unmanagedZip, await writeZip(solutionFiles(model, built, false)));
  logger.info({ managedZip, unmanagedZip, version: model.version }, 'solution zips written');

  const sizes: SizeRow[] = [
    { name: relative(root, managedZip), bytes: statSync(managedZip).size },
    { name: relative(root, unmanagedZip), bytes: statSync(unmanagedZip).size },
    ...[...webResources].map(([name, file]) => ({ name, bytes: statSync(file).size })),
    ...[...pcf.outputs].map(([name, folder]) => ({ name: `${name}/bundle.js`, bytes: statSync(join(folder, 'bundle.js')).size })),
  ];
  return { model, managedZip, unmanagedZip, sizes };
}

/** Readers (the sandbox, other tests) never see a half-written zip. */
function writeAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/** `npm run build`: builds and prints the size table; exit 1 with the error message on failure. */
export async function main(_argv: string[]): Promise<number> {
  const logger = pino({ level: process.env.PSAFO_LOG_LEVEL ?? 'info' }, pino.destination(2));
  try {
    const result = await buildSolution({ logger });
    process.stdout.write(`PsaFoSync ${result.model.version}\n${formatSizeTable('file', result.sizes)}`);
    return 0;
  } catch (err) {
    process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
