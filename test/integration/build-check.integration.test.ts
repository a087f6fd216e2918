import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { runSolutionCheck } from '../../bridge/cli/solution-check';
import { PROJECT_ROOT } from '../../scripts/build';
import { ensureBuilt } from '../harness/build-once';
import { zipEntries, zipOf } from '../fixtures/solution/zip-entries';

// Builds and xmllint runs are slow on a shared 2-core machine.
jest.setTimeout(180_000);

// `psa-fo-sync solution check` on tampered copies of the built managed zip.
let tmp: string;
let original: Map<string, Buffer>;
let managedZip: string;

beforeAll(async () => {
  ({ managedZip } = await ensureBuilt());
  original = await zipEntries(managedZip);
  tmp = mkdtempSync(join(tmpdir(), 'psafo-check-'));
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function check(entries: Map<string, Buffer> | Buffer, options: { schemas?: string } = {}): Promise<{ code: number; out: string }> {
  const file = join(tmp, `case-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, Buffer.isBuffer(entries) ? entries : await zipOf(entries));
  let out = '';
  const code = await runSolutionCheck(file, options, (t) => { out += t; });
  return { code, out };
}

/** Edits customizations.xml through an XML library, as a careless hand edit would change it. */
function editCustomizations(edit: (doc: ReturnType<typeof create>) => void): Map<string, Buffer> {
  const doc = create((original.get('customizations.xml') as Buffer).toString('utf8'));
  edit(doc);
  return new Map([...original, ['customizations.xml', Buffer.from(doc.end(), 'utf8')]]);
}

function firstElement(doc: ReturnType<typeof create>, name: string) {
  const found = doc.root().find((n) => n.node.nodeName === name, false, true);
  if (!found) throw new Error(`no <${name}>`);
  return found;
}

describe('solution check', () => {
  it('accepts the built zip', async () => {
    await expect(check(original)).resolves.toMatchObject({ code: 0 });
  });

  it('rejects a zip with a root file missing', async () => {
    const entries = new Map(original);
    entries.delete('[Content_Types].xml');
    const { code, out } = await check(entries);
    expect(code).toBe(1);
    expect(out).toMatch(/MISSING_ROOT_FILE: \[Content_Types\]\.xml is missing at the root of the zip/);
  });

  it('rejects a zip whose files are inside a sub-folder', async () => {
    const entries = new Map([...original].map(([name, data]) => [`PsaFoSync_managed/${name}`, data] as const));
    const { code, out } = await check(entries);
    expect(code).toBe(1);
    expect(out).toContain('PsaFoSync_managed/solution.xml\n  WRAPPED_IN_FOLDER: solution.xml is inside the sub-folder "PsaFoSync_managed/"');
    expect(out).toContain('WRAPPED_IN_FOLDER: customizations.xml');
    expect(out).not.toContain('STRAY_FILE');
  });

  it('rejects a tampered customizations.xml that breaks the schema and the ribbon', async () => {
    const entries = editCustomizations((doc) => {
      firstElement(doc, 'CrmParameter').att('Value', 'PrimaryForm');
    });
    const { code, out } = await check(entries);
    expect(code).toBe(1);
    expect(out).toMatch(/customizations\.xml\n( {2}.*\n)* {2}XSD_INVALID: CustomizationsSolution\.xsd: .*PrimaryForm/);
    expect(out).toMatch(/RIBBON_INVALID: RibbonDiffXml of entity msdyn_project \(RibbonCore\.xsd\): .*PrimaryForm/);
  });

  it('rejects a customizations.xml pointing at a web resource file that is not there (and the orphan it left)', async () => {
    const entries = editCustomizations((doc) => {
      const fileName = firstElement(firstElement(doc, 'WebResources'), 'FileName');
      fileName.each((t) => t.remove());
      fileName.txt('/WebResources/psafo_missing');
    });
    const { code, out } = await check(entries);
    expect(code).toBe(1);
    expect(out).toMatch(/MISSING_WEB_RESOURCE_FILE: web resource "psafo_\/scripts\/form\.js": \/WebResources\/psafo_missing is not in the zip/);
    expect(out).toMatch(/WebResources\/psafo_scriptsformjs[0-9A-F-]+\n {2}STRAY_FILE/);
  });

  it('rejects a truncated customizations.xml as malformed', async () => {
    const bytes = original.get('customizations.xml') as Buffer;
    const { code, out } = await check(new Map([...original, ['customizations.xml', bytes.subarray(0, bytes.length / 2)]]));
    expect(code).toBe(1);
    expect(out).toContain('MALFORMED_XML: not well-formed XML');
  });

  it('rejects stray files, a bad managed flag, a bad version and secret-looking strings', async () => {
    const solution = create((original.get('solution.xml') as Buffer).toString('utf8'));
    firstElement(solution, 'Managed').each((t) => t.remove()).txt('2');
    firstElement(solution, 'Version').each((t) => t.remove()).txt('1.0');
    const entries = new Map([
      ...original,
      ['solution.xml', Buffer.from(solution.end(), 'utf8')],
      ['notes/todo.txt', Buffer.from('remember the release notes\n')],
      ['environmentvariabledefinitions/psafo_Extra/environmentvariabledefinition.xml', Buffer.from('<environmentvariabledefinition schemaname="psafo_Extra"><defaultvalue>{"client_secret": "Q8x~abcdefghijklmnopqrstuvwxyz0123456789"}</defaultvalue></environmentvariabledefinition>')],
    ]);
    const { code, out } = await check(entries);
    expect(code).toBe(1);
    expect(out).toContain('notes/todo.txt\n  STRAY_FILE');
    expect(out).toContain('BAD_MANAGED_FLAG: <Managed> is "2"');
    expect(out).toContain('BAD_VERSION: <Version> "1.0"');
    expect(out).toMatch(/environmentvariabledefinitions\/psafo_Extra\/environmentvariabledefinition\.xml\n {2}SECRET_LIKE: line 1: looks like a hard-coded secret/);
    expect(out).not.toContain('abcdefghijklmnop');
  });

  it('answers 2 for input it cannot check: not a zip, schemas not found', async () => {
    const notZip = await check(Buffer.from('PK? no, just text'));
    expect(notZip.code).toBe(2);
    expect(notZip.out).toContain('not a readable zip file');
    const noSchemas = await check(original, { schemas: join(tmp, 'nowhere') });
    expect(noSchemas.code).toBe(2);
    expect(noSchemas.out).toContain("Microsoft's solution schemas were not found");
    expect(noSchemas.out).toContain('PSAFO_SCHEMAS_DIR');
  });

  it('is a CLI command with exit codes 0 and 1', async () => {
    const cli = join(PROJECT_ROOT, 'bin', 'psa-fo-sync.js');
    const ok = spawnSync(process.execPath, [cli, 'solution', 'check', managedZip], { encoding: 'utf8' });
    expect(ok.stdout).toContain('OK: no problems found');
    expect(ok.status).toBe(0);
    const entries = new Map(original);
    entries.delete('solution.xml');
    const bad = join(tmp, 'no-solution-xml.zip');
    writeFileSync(bad, await zipOf(entries));
    const failed = spawnSync(process.execPath, [cli, 'solution', 'check', bad, '--json'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'MISSING_ROOT_FILE', file: '(zip)' })]));
  }, 60_000);
});
