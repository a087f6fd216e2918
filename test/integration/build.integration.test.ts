import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSolution, type BuildResult } from '../../scripts/build';
import { CUSTOMIZATIONS_XSD, RIBBON_XSD, resolveSchemasDir, wasmXmllint } from '../../solution/check/xsd-validator';
import { ribbonDocuments } from '../../solution/check/schema';
import { SYNC_STATUS_CONTROL } from '../../solution/control';
import { ENV_BRIDGE_URL, ENV_FIELD_LOCK_RULES, ENV_STATUS_REFRESH_SECONDS, DEFAULT_STATUS_REFRESH_SECONDS } from '../../solution/environment-variables';
import { DEFAULT_FIELD_LOCK_RULES } from '../../solution/field-lock-rules';
import { SYNC_NOW_API } from '../../solution/custom-api';
import { SYNC_STATUS_KEY, SYNC_STATE } from '../../solution/tables/syncstatus';
import { RUN_TRIGGER, SYNC_RUN_KEY } from '../../solution/tables/syncrun';
import { RIBBON_LIBRARY, webResources } from '../../solution/webresources';
import { runSolutionCheck } from '../../bridge/cli/solution-check';
import { PROJECT_ROOT } from '../../scripts/build';
import { xml, zipEntries, type XmlNode } from '../fixtures/solution/zip-entries';

// Builds and xmllint runs are slow on a shared 2-core machine.
jest.setTimeout(180_000);

// Acceptance of issue 2: build the real solution twice into temporary folders, open both zips.
let tmp: string;
let first: BuildResult;
let second: BuildResult;
let managed: Map<string, Buffer>;
let unmanaged: Map<string, Buffer>;
const schemasDir = resolveSchemasDir({ projectRoot: PROJECT_ROOT, env: process.env });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'psafo-build-'));
  first = await buildSolution({ distDir: join(tmp, 'dist1'), workDir: join(tmp, 'out1') });
  second = await buildSolution({ distDir: join(tmp, 'dist2'), workDir: join(tmp, 'out2') });
  managed = await zipEntries(first.managedZip);
  unmanaged = await zipEntries(first.unmanagedZip);
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Debian's xmllint (.ci/run installs libxml2-utils): exit 0 and "<file> validates" on stderr when valid. */
function xmllint(schema: string, file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(schemasDir, schema), file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

describe('npm run build output', () => {
  it('has the three root files at the root of both zips', () => {
    for (const entries of [managed, unmanaged]) {
      for (const root of ['solution.xml', 'customizations.xml', '[Content_Types].xml']) expect(entries.has(root)).toBe(true);
      expect([...entries.keys()].some((n) => n.includes('\\'))).toBe(false);
    }
  });

  it('says Managed 1 in the managed zip and 0 in the unmanaged zip, same identity otherwise', () => {
    const m = xml(managed, 'solution.xml').ImportExportXml.SolutionManifest;
    const u = xml(unmanaged, 'solution.xml').ImportExportXml.SolutionManifest;
    expect(m.Managed).toBe('1');
    expect(u.Managed).toBe('0');
    expect(m.UniqueName).toBe('PsaFoSync');
    expect(m.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(m.Version).toBe(`${JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version}.${process.env.PSAFO_BUILD_NUMBER || 0}`);
    expect(m.Publisher.UniqueName).toBe('psafosync');
    expect(m.Publisher.CustomizationPrefix).toBe('psafo');
    expect(m.Publisher.CustomizationOptionValuePrefix).toBe('10471');
    expect(managed.get('customizations.xml')?.equals(unmanaged.get('customizations.xml') as Buffer)).toBe(true);
  });

  it('writes a customizations.xml that validates against CustomizationsSolution.xsd with xmllint', () => {
    const file = join(tmp, 'customizations.xml');
    writeFileSync(file, managed.get('customizations.xml') as Buffer);
    const result = xmllint(CUSTOMIZATIONS_XSD, file);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('writes ribbons that validate against RibbonCore.xsd (xmllint and xmllint-wasm)', async () => {
    const ribbons = ribbonDocuments((managed.get('customizations.xml') as Buffer).toString('utf8'));
    expect(ribbons.map((r) => r.label)).toEqual(expect.arrayContaining(['entity msdyn_project', 'entity salesorder']));
    const wasm = wasmXmllint(schemasDir);
    for (const [i, ribbon] of ribbons.entries()) {
      const file = join(tmp, `ribbon-${i}.xml`);
      writeFileSync(file, ribbon.xml);
      expect(xmllint(RIBBON_XSD, file)).toMatchObject({ ok: true });
      await expect(wasm.validate(ribbon.xml, `ribbon-${i}.xml`, RIBBON_XSD)).resolves.toEqual([]);
    }
  });

  it('puts every web resource and the control files where customizations.xml says', () => {
    const root = xml(managed, 'customizations.xml').ImportExportXml;
    const declared = root.WebResources.WebResource as Array<Record<string, string>>;
    expect(declared.map((w) => w.Name).sort()).toEqual(webResources.map((w) => w.name).sort());
    for (const wr of declared) {
      const entry = wr.FileName.replace(/^\//, '');
      expect(managed.has(entry)).toBe(true);
      expect((managed.get(entry) as Buffer).length).toBeGreaterThan(0);
    }
    const ribbonEntry = declared.find((w) => w.Name === RIBBON_LIBRARY)?.FileName.replace(/^\//, '') as string;
    expect((managed.get(ribbonEntry) as Buffer).toString('utf8')).toContain('PsaFoSync');
    expect((managed.get(ribbonEntry) as Buffer).toString('utf8')).not.toContain('sourceMappingURL');

    const controls = root.CustomControls.CustomControl as Array<Record<string, string>>;
    expect(controls).toEqual([{ Name: SYNC_STATUS_CONTROL, FileName: `/Controls/${SYNC_STATUS_CONTROL}/ControlManifest.xml` }]);
    const manifest = (managed.get(`Controls/${SYNC_STATUS_CONTROL}/ControlManifest.xml`) as Buffer).toString('utf8');
    expect(manifest).toContain('<code path="bundle.js"');
    expect(manifest).toContain('namespace="PsaFoSync" constructor="SyncStatus"');
    expect(xml(managed, `Controls/${SYNC_STATUS_CONTROL}/ControlManifest.xml`).manifest.control['@version']).toBe(first.model.version.split('.').slice(0, 3).join('.'));
    expect((managed.get(`Controls/${SYNC_STATUS_CONTROL}/bundle.js`) as Buffer).toString('utf8')).toContain('PsaFoSync.SyncStatus');
  });

  it('declares both tables with their columns and alternate keys, the Custom API and the environment variables', () => {
    const root = xml(managed, 'customizations.xml').ImportExportXml;
    const entities = root.Entities.Entity as Array<XmlNode>;
    const byName = new Map(entities.map((e) => [e.Name['#text'], e]));
    const status = byName.get('psafo_syncstatus')?.EntityInfo.entity;
    const run = byName.get('psafo_syncrun')?.EntityInfo.entity;
    const cols = (e: XmlNode) => (e.attributes.attribute as Array<Record<string, string>>).map((a) => a.LogicalName);
    expect(cols(status)).toEqual(expect.arrayContaining(['psafo_name', 'psafo_entitylogicalname', 'psafo_recordid', 'psafo_state', 'psafo_lastsyncedon', 'psafo_lastattempton', 'psafo_finopskey', 'psafo_legalentity', 'psafo_message', 'psafo_details', 'psafo_runid']));
    expect(cols(run)).toEqual(expect.arrayContaining(['psafo_name', 'psafo_runid', 'psafo_trigger', 'psafo_startedon', 'psafo_endedon', 'psafo_state', 'psafo_upserts', 'psafo_skipped', 'psafo_errors', 'psafo_summary']));
    const details = (status.attributes.attribute as Array<Record<string, string>>).find((a) => a.LogicalName === 'psafo_details');
    expect(details?.Type).toBe('ntext');
    expect(status.EntityKeys.EntityKey).toEqual([expect.objectContaining({ Name: SYNC_STATUS_KEY, EntityKeyAttributes: { AttributeName: ['psafo_entitylogicalname', 'psafo_recordid'] } })]);
    expect(run.EntityKeys.EntityKey[0].Name).toBe(SYNC_RUN_KEY);
    const stateOptions = (status.attributes.attribute as Array<XmlNode>).find((a) => a.LogicalName === 'psafo_state').optionset.options.option.map((o: XmlNode) => Number(o['@value']));
    expect(stateOptions).toEqual(Object.values(SYNC_STATE));
    expect(Object.values(RUN_TRIGGER)).toEqual([104710000, 104710001, 104710002, 104710003]);

    const api = xml(managed, `customapis/${SYNC_NOW_API}/customapi.xml`).customapi;
    expect(api).toMatchObject({ '@uniquename': 'psafo_SyncNow', bindingtype: '0', isfunction: '0', name: 'psafo_SyncNow' });
    expect(xml(managed, `customapis/${SYNC_NOW_API}/customapirequestparameters/EntityLogicalName/customapirequestparameter.xml`).customapirequestparameter.type).toBe('10');
    expect(xml(managed, `customapis/${SYNC_NOW_API}/customapirequestparameters/RecordIds/customapirequestparameter.xml`).customapirequestparameter.type).toBe('11');

    const env = (name: string) => xml(managed, `environmentvariabledefinitions/${name}/environmentvariabledefinition.xml`).environmentvariabledefinition;
    expect(env(ENV_BRIDGE_URL).type).toBe('100000000');
    expect(env(ENV_FIELD_LOCK_RULES).type).toBe('100000003');
    expect(JSON.parse(env(ENV_FIELD_LOCK_RULES).defaultvalue)).toEqual(DEFAULT_FIELD_LOCK_RULES);
    expect(env(ENV_STATUS_REFRESH_SECONDS)).toMatchObject({ type: '100000001', defaultvalue: String(DEFAULT_STATUS_REFRESH_SECONDS) });

    const rootComponents = xml(managed, 'solution.xml').ImportExportXml.SolutionManifest.RootComponents.RootComponent as Array<Record<string, string>>;
    expect(rootComponents).toEqual(expect.arrayContaining([
      { '@type': '1', '@schemaName': 'psafo_syncstatus', '@behavior': '0' },
      { '@type': '1', '@schemaName': 'msdyn_project', '@behavior': '2' },
      { '@type': '1', '@schemaName': 'salesorder', '@behavior': '2' },
      { '@type': '66', '@schemaName': SYNC_STATUS_CONTROL, '@behavior': '0' },
    ]));
  });

  it('carries Sync now on the main form and home grid of msdyn_project and salesorder', () => {
    const entities = xml(managed, 'customizations.xml').ImportExportXml.Entities.Entity as Array<XmlNode>;
    for (const entity of ['msdyn_project', 'salesorder']) {
      const ribbon = entities.find((e) => e.Name['#text'] === entity)?.RibbonDiffXml;
      const locations = ribbon.CustomActions.CustomAction.map((a: XmlNode) => a['@Location']);
      expect(locations).toEqual([`Mscrm.Form.${entity}.MainTab.Save.Controls._children`, `Mscrm.HomepageGrid.${entity}.MainTab.Management.Controls._children`]);
      const params = ribbon.CommandDefinitions.CommandDefinition.map((c: XmlNode) => c.Actions.JavaScriptFunction.CrmParameter.map((p: XmlNode) => p['@Value']));
      expect(params).toEqual([['PrimaryControl'], ['SelectedControlSelectedItemIds', 'SelectedControl']]);
      const rules = ribbon.RuleDefinitions.EnableRules.EnableRule;
      expect(rules[0].FormStateRule).toMatchObject({ '@State': 'Create', '@InvertResult': 'true' });
      expect(rules[0].CustomRule['@FunctionName']).toBe('PsaFoSync.Ribbon.isSavedRecord');
      expect(rules[1].SelectionCountRule).toMatchObject({ '@Minimum': '1', '@Maximum': '250' });
      const titles = ribbon.LocLabels.LocLabel[0].Titles.Title.map((t: XmlNode) => t['@languagecode']);
      expect(titles).toEqual(['1033', '1036']);
    }
  });

  it('gives identical bytes when built twice', async () => {
    // On a difference, name the entries (a source edited between the two builds shows up here).
    const again = await zipEntries(second.managedZip);
    const differing = [...new Set([...managed.keys(), ...again.keys()])].filter((k) => !managed.get(k)?.equals(again.get(k) ?? Buffer.alloc(0)));
    expect(differing).toEqual([]);
    expect(readFileSync(second.managedZip).equals(readFileSync(first.managedZip))).toBe(true);
    expect(readFileSync(second.unmanagedZip).equals(readFileSync(first.unmanagedZip))).toBe(true);
  });

  it('reports sizes of each zip and bundle', () => {
    const names = first.sizes.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('PsaFoSync_managed.zip'), expect.stringContaining('PsaFoSync.zip'), RIBBON_LIBRARY, `${SYNC_STATUS_CONTROL}/bundle.js`]));
    for (const s of first.sizes) expect(s.bytes).toBeGreaterThan(0);
  });

  it('passes its own `solution check`', async () => {
    for (const zip of [first.managedZip, first.unmanagedZip]) {
      let out = '';
      const code = await runSolutionCheck(zip, {}, (t) => { out += t; });
      expect(out).toContain('OK: no problems found');
      expect(code).toBe(0);
    }
  });
});
