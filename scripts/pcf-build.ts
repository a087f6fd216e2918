import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ControlDef } from '../solution/types';
import { BuildError } from './errors';
import { withDirLock } from './file-lock';

/** pcf-scripts exits 0 when the manifest or TypeScript is wrong; only this line means success. */
export const PCF_SUCCESS_MARKER = '[build] Succeeded';

export interface PcfBuildOptions {
  readonly root: string;
  /** The PCF project folder (holds pcfconfig.json, tsconfig.json and one folder per control). */
  readonly pcfDir: string;
  readonly controls: readonly ControlDef[];
  /** Each control's output is copied to <workDir>/controls/<control name>/ (pcf/out is shared by every build). */
  readonly workDir: string;
  readonly logger: Logger;
}

export interface PcfBuildResult {
  /** Output folder of each control, keyed by control name. */
  readonly outputs: ReadonlyMap<string, string>;
  readonly log: string;
}

/** The lines of a pcf-scripts log that say what went wrong. */
export function pcfErrorLines(log: string): string[] {
  return log
    .split(/\r?\n/)
    // eslint-disable-next-line no-control-regex -- strip ANSI colour codes from the tool log
    .map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim())
    .filter((l) => /\[Error\]|\bTS\d{4,5}\b|Failed:|\bERROR\b/.test(l));
}

/** Production build of the PCF controls with pcf-scripts; fails unless the log says it succeeded and every bundle exists. */
export async function buildPcf(options: PcfBuildOptions): Promise<PcfBuildResult> {
  return withDirLock(join(options.pcfDir, '.build-lock'), () => buildPcfLocked(options));
}

async function buildPcfLocked(options: PcfBuildOptions): Promise<PcfBuildResult> {
  const outDir = join(options.pcfDir, 'out');
  rmSync(outDir, { recursive: true, force: true });
  const cli = require.resolve('pcf-scripts/bin/pcf-scripts.js', { paths: [options.root] });
  options.logger.info({ pcfDir: options.pcfDir }, 'pcf: building controls (production)');
  const { code, log } = await run(process.execPath, [cli, 'build', '--buildMode', 'production'], options.pcfDir);
  const names = options.controls.map((c) => c.name).join(', ');
  if (code !== 0 || !log.includes(PCF_SUCCESS_MARKER)) {
    const errors = pcfErrorLines(log);
    throw new BuildError(
      'PCF_BUILD_FAILED',
      `PCF control ${names}: pcf-scripts build failed (exit ${code}, no "${PCF_SUCCESS_MARKER}"):\n${(errors.length > 0 ? errors : log.split('\n').slice(-15)).map((l) => `  ${l}`).join('\n')}`,
      { log },
    );
  }
  const outputs = new Map<string, string>();
  for (const control of options.controls) {
    const folder = join(outDir, 'controls', control.sourceFolder);
    for (const file of ['bundle.js', 'ControlManifest.xml']) {
      if (!existsSync(join(folder, file))) {
        throw new BuildError('PCF_OUTPUT_MISSING', `PCF control ${control.name}: pcf-scripts reported success but ${join(folder, file)} is missing.`, { log });
      }
    }
    const copy = join(options.workDir, 'controls', control.name);
    rmSync(copy, { recursive: true, force: true });
    cpSync(folder, copy, { recursive: true });
    outputs.set(control.name, copy);
  }
  return { outputs, log };
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; log: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (err) => reject(new BuildError('PCF_BUILD_FAILED', `pcf-scripts could not start: ${err.message}`, { cause: err })));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, log: Buffer.concat(chunks).toString('utf8') }));
  });
}
