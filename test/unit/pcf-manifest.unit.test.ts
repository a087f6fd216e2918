import * as fs from 'node:fs';
import * as path from 'node:path';
import { validate } from 'jsonschema';
import { STRING_KEYS } from '../../pcf/SyncStatus/view/strings';
import { loadResx } from '../harness/pcf-context';

// xml2js (a dependency of pcf-scripts, untyped) is the parser pcf-scripts uses before schema validation.
const { parseStringPromise } = require('xml2js') as { parseStringPromise: (xml: string) => Promise<unknown> };

const CONTROL_DIR = path.join(__dirname, '..', '..', 'pcf', 'SyncStatus');
// pcf-scripts validates the xml2js form of the manifest against this schema (solution-format.md §4.2).
const SCHEMA = JSON.parse(fs.readFileSync(require.resolve('pcf-scripts/ManifestSchema.json'), 'utf8')) as object;

type Node = { $: Record<string, string> } & Record<string, Node[] | undefined>;

async function manifest(): Promise<{ manifest: { control: Node[] } }> {
  return parseStringPromise(fs.readFileSync(path.join(CONTROL_DIR, 'ControlManifest.Input.xml'), 'utf8')) as Promise<{ manifest: { control: Node[] } }>;
}

describe('SyncStatus manifest', () => {
  it('passes the schema pcf-scripts validates with', async () => {
    const result = validate(await manifest(), SCHEMA);
    expect(result.errors.map((e) => e.stack)).toEqual([]);
    // the same check rejects what pcf-scripts rejects (pcf-1014)
    const broken = await manifest();
    broken.manifest.control[0].property![0].$.usage = 'sometimes';
    expect(validate(broken, SCHEMA).errors.map((e) => e.stack).join()).toMatch(/usage is not one of enum values: bound,input,output/);
  });

  it('declares the control the solution build expects', async () => {
    const control = (await manifest()).manifest.control[0];
    expect(control.$).toMatchObject({ namespace: 'PsaFoSync', constructor: 'SyncStatus', 'control-type': 'standard' });
    expect(control.$.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(control.property?.map((p) => p.$)).toEqual([expect.objectContaining({ name: 'value', 'of-type': 'SingleLine.Text', usage: 'bound' })]);
    expect(control['feature-usage']?.[0]['uses-feature']?.map((f) => f.$)).toEqual([
      { name: 'WebAPI', required: 'true' }, { name: 'Utility', required: 'true' },
    ]);
    const resources = control.resources?.[0];
    expect(resources?.code?.[0].$).toEqual({ path: 'index.ts', order: '1' });
    expect(resources?.platform_library ?? resources?.['platform-library']).toBeUndefined();
  });

  it('every resource it declares exists', async () => {
    const resources: Partial<Node> = (await manifest()).manifest.control[0].resources?.[0] ?? {};
    const paths = [...(resources.code ?? []), ...(resources.css ?? []), ...(resources.resx ?? [])].map((r) => r.$.path);
    expect(paths).toEqual(['index.ts', 'css/SyncStatus.css', 'strings/SyncStatus.1033.resx', 'strings/SyncStatus.1036.resx']);
    for (const p of paths) expect(fs.existsSync(path.join(CONTROL_DIR, p))).toBe(true);
  });

  it('both resx files hold every key the manifest and the code use, with the same key set', async () => {
    const control = (await manifest()).manifest.control[0];
    const manifestKeys = [control.$['display-name-key'], control.$['description-key'], ...(control.property ?? []).flatMap((p) => [p.$['display-name-key'], p.$['description-key']])];
    const en = loadResx(1033);
    const fr = loadResx(1036);
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const key of [...manifestKeys, ...STRING_KEYS]) {
      expect(en.get(key)).toBeTruthy();
      expect(fr.get(key)).toBeTruthy();
    }
    expect(fr.get('State_Synced')).not.toBe(en.get('State_Synced'));
  });

  it('the hand-kept input/output types match the manifest (the only bound property is `value`)', () => {
    const source = fs.readFileSync(path.join(CONTROL_DIR, 'manifest-types.ts'), 'utf8');
    expect(source).toMatch(/interface IInputs \{\s*value: ComponentFramework\.PropertyTypes\.StringProperty;\s*\}/);
    expect(source).toMatch(/interface IOutputs \{\s*value\?: string;\s*\}/);
  });

  it('index.ts exports exactly one class, named like the constructor (pcf-scripts ValidateSource)', () => {
    const source = fs.readFileSync(path.join(CONTROL_DIR, 'index.ts'), 'utf8');
    expect(source.match(/export class (\w+)/g)).toEqual(['export class SyncStatus']);
    expect(source).not.toMatch(/from 'react'/);
  });
});
