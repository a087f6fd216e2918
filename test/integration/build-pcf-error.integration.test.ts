import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildError } from '../../scripts/errors';
import { buildSolution, PROJECT_ROOT } from '../../scripts/build';

// Builds and xmllint runs are slow on a shared 2-core machine.
jest.setTimeout(180_000);

// pcf-scripts exits 0 on a TypeScript error; our build must fail and name the control.
// A temporary project mirrors the layout (pcf/ copied, the rest linked) so the control's
// relative imports (../../webresources, ../../solution) and node_modules resolve as in the repo.
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'psafo-pcf-'));
  for (const link of ['node_modules', 'webresources', 'solution', 'package.json', 'tsconfig.json']) symlinkSync(join(PROJECT_ROOT, link), join(tmp, link));
  cpSync(join(PROJECT_ROOT, 'pcf'), join(tmp, 'pcf'), {
    recursive: true,
    filter: (src) => !/[\\/](out|generated|\.build-lock)([\\/]|$)/.test(src.slice(PROJECT_ROOT.length)),
  });
  const index = join(tmp, 'pcf', 'SyncStatus', 'index.ts');
  writeFileSync(index, `${readFileSync(index, 'utf8')}\n// A type error on purpose (no new export: pcf-scripts allows exactly one).\nconst brokenOnPurpose: number = 'not a number';\nvoid brokenOnPurpose;\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('fails the build on a TypeScript error in the PCF control, naming the control and the error', async () => {
  const pcfDir = join(tmp, 'pcf');
  const error = await buildSolution({ pcfDir, distDir: join(tmp, 'dist'), workDir: join(tmp, 'out') }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(BuildError);
  expect((error as BuildError).code).toBe('PCF_BUILD_FAILED');
  expect((error as BuildError).message).toContain('PCF control psafo_PsaFoSync.SyncStatus');
  expect((error as BuildError).message).toMatch(/TS2322/);
  expect((error as BuildError).log).not.toContain('[build] Succeeded');
  // Nothing half-built is left for packing.
  expect(existsSync(join(pcfDir, 'out', 'controls', 'SyncStatus', 'bundle.js'))).toBe(false);
  expect(existsSync(join(tmp, 'dist'))).toBe(false);
}, 180_000);
