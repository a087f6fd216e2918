import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSolution } from '../../scripts/build';
import { createSolutionModel } from '../../solution/model';
import type { SolutionModel } from '../../solution/types';

// Builds and xmllint runs are slow on a shared 2-core machine.
jest.setTimeout(180_000);

// Bad model input fails the build before anything is compiled, with a message naming the component.
let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'psafo-model-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = createSolutionModel('1.2.3.0');
const build = (model: SolutionModel) => buildSolution({ model, distDir: join(tmp, 'dist'), workDir: join(tmp, 'out') });

describe('buildSolution rejects bad model input', () => {
  it('names a duplicate schema name', async () => {
    const dup = { ...base.environmentVariables[0], schemaName: base.environmentVariables[1].schemaName };
    await expect(build({ ...base, environmentVariables: [...base.environmentVariables, dup] })).rejects.toThrow(
      /environment variable "psafo_FieldLockRules": duplicate schema name/,
    );
  });

  it('names a table used twice', async () => {
    await expect(build({ ...base, tables: [...base.tables, base.tables[0]] })).rejects.toMatchObject({
      code: 'DUPLICATE_SCHEMA_NAME',
      message: expect.stringContaining('table "psafo_syncstatus"'),
    });
  });

  it('names a column without the psafo_ prefix', async () => {
    const table = base.tables[1];
    const bad = { ...table, columns: [...table.columns, { ...table.columns[0], schemaName: 'runnumber' }] };
    await expect(build({ ...base, tables: [base.tables[0], bad] })).rejects.toThrow(/column psafo_syncrun\.runnumber: name "runnumber" must start with the publisher prefix "psafo_"/);
  });

  it('names a web resource without the prefix', async () => {
    const bad = { ...base.webResources[0], name: 'scripts/form.js' };
    await expect(build({ ...base, webResources: [bad, ...base.webResources.slice(1)] })).rejects.toThrow(/web resource "scripts\/form\.js": name "scripts\/form\.js" must start with the publisher prefix/);
  });

  it('names a web resource whose source file is missing', async () => {
    const bad = { ...base.webResources[4], source: { copy: 'webresources/images/does-not-exist.svg' } };
    await expect(build({ ...base, webResources: [...base.webResources.slice(0, 4), bad] })).rejects.toMatchObject({
      code: 'MISSING_WEB_RESOURCE_FILE',
      message: expect.stringContaining('web resource "psafo_/images/syncnow.svg": source file webresources/images/does-not-exist.svg does not exist'),
    });
  });

  it.each(['1.2.3', '1.2.3.4.5', 'v1.0.0.0', '1.2.3.99999999999'])('names an invalid model version %s', async (version) => {
    await expect(build({ ...base, version })).rejects.toMatchObject({ code: 'BAD_VERSION', message: expect.stringContaining(`solution "PsaFoSync": version "${version}"`) });
  });

  it('rejects a package.json version that is not x.y.z and a bad build number', async () => {
    await expect(buildSolution({ packageVersion: '1.0.0-beta.1', distDir: join(tmp, 'dist') })).rejects.toThrow(/package\.json version "1\.0\.0-beta\.1" is not x\.y\.z/);
    await expect(buildSolution({ packageVersion: '1.0.0', buildNumber: '12a', distDir: join(tmp, 'dist') })).rejects.toThrow(/PSAFO_BUILD_NUMBER "12a"/);
  });
});
