import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { BuildError } from '../../scripts/errors';
import { PROJECT_ROOT } from '../../scripts/build';
import { buildWebResources } from '../../scripts/webpack-build';
import type { WebResourceDef } from '../../solution/types';

// Web resources are type-checked by the real webpack + ts-loader run: a type error fails the build.
jest.setTimeout(120_000);

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'psafo-webpack-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const resource = (file: string): WebResourceDef => ({
  name: 'psafo_/scripts/probe.js',
  displayName: 'probe',
  description: 'probe',
  kind: 'script',
  id: '446e61ea-bc58-4c7e-934c-1f77e084455c',
  source: { bundle: file, library: ['PsaFoSync', 'Probe'] },
});

it('bundles an entry as a global under the PsaFoSync namespace', async () => {
  const file = join(tmp, 'ok.ts');
  writeFileSync(file, 'export function answer(): number { return 42; }\n');
  const built = await buildWebResources({ root: PROJECT_ROOT, outDir: join(tmp, 'out-ok'), resources: [resource(file)], logger: pino({ level: 'silent' }) });
  const bundle = built.get('psafo_/scripts/probe.js') as string;
  expect(existsSync(`${bundle}.map`)).toBe(false);
  // The bundle assigns to a global PsaFoSync (as in the browser); evaluate it and read that global.
  const code = readFileSync(bundle, 'utf8');
  expect(code).not.toContain('sourceMappingURL');
  const ns = new Function(`var PsaFoSync; ${code}; return PsaFoSync;`)() as { Probe: { answer(): number } };
  expect(ns.Probe.answer()).toBe(42);
});

it('fails on a TypeScript error, naming the web resource and the error', async () => {
  const file = join(tmp, 'broken.ts');
  writeFileSync(file, "export function answer(): number { return 'forty-two'; }\n");
  const error = await buildWebResources({ root: PROJECT_ROOT, outDir: join(tmp, 'out-broken'), resources: [resource(file)], logger: pino({ level: 'silent' }) }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BuildError);
  expect((error as BuildError).code).toBe('WEBPACK_FAILED');
  expect((error as BuildError).message).toContain('web resources (psafo_/scripts/probe.js): webpack failed');
  expect((error as BuildError).message).toMatch(/broken\.ts.*TS2322/);
});
