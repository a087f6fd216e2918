/** @jest-environment jsdom */
/**
 * The PSA-side code as it ships: the production bundles are taken out of the built managed zip
 * (located through customizations.xml), evaluated in a browser-like window the way the platform
 * loads them, and driven through their public globals with the same fakes as the unit tests.
 */
import { SYNC_RUN_TABLE, SYNC_STATUS_TABLE } from '../../webresources/shared/names';
import { ensureBuilt } from '../harness/build-once';
import { readShippedSolution, type ShippedSolution } from '../harness/shipped-solution';
import { createPcfContext } from '../harness/pcf-context';
import { FakeWebApi, createFormHarness } from '../harness/xrm';
import { PROJECT_ID, runRow, statusRow } from '../fixtures/psa-ui-rows';

const PCF_AIM = 40 * 1024;
const WEBRESOURCE_AIM = 25 * 1024;

let shipped: ShippedSolution;

const flush = async () => { for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 0)); };
/** Runs a script in the page's global scope, as a <script> element would. */
const runScript = (code: string) => (0, eval)(code);

type Globals = { PsaFoSync?: Record<string, Record<string, (...args: unknown[]) => unknown>>; ComponentFramework?: unknown; Xrm?: unknown };
const g = window as unknown as Globals;

beforeAll(async () => {
  const { managedZip } = await ensureBuilt();
  shipped = await readShippedSolution(managedZip);
}, 600_000);

afterEach(() => {
  delete g.PsaFoSync;
  delete g.ComponentFramework;
  delete g.Xrm;
  document.body.replaceChildren();
});

describe('shipped PSA-side bundles', () => {
  it('stay within the size aims (PCF < 40 KB, each web resource < 25 KB)', () => {
    expect(Buffer.byteLength(shipped.control.get('bundle.js')!)).toBeLessThan(PCF_AIM);
    for (const [name, text] of shipped.webResources) expect([name, Buffer.byteLength(text) < WEBRESOURCE_AIM]).toEqual([name, true]);
    expect(shipped.control.get('bundle.js')).not.toMatch(/react-dom|__SECRET_INTERNALS/);
  });

  it('the control registers itself and renders a record through init/updateView', async () => {
    const registered = new Map<string, new () => ComponentFramework.StandardControl<unknown, unknown>>();
    g.ComponentFramework = { registerControl: (name: string, ctor: new () => ComponentFramework.StandardControl<unknown, unknown>) => registered.set(name, ctor) };
    runScript(shipped.control.get('bundle.js')!);
    expect([...registered.keys()]).toEqual(['PsaFoSync.SyncStatus']);
    expect(shipped.control.get('ControlManifest.xml')).toContain('constructor="SyncStatus"');

    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Error', message: 'Customer ACC-9 does not exist.' }));
    const fake = createPcfContext({ entityTypeName: 'msdyn_project', entityId: PROJECT_ID, webApi: api });
    const Control = registered.get('PsaFoSync.SyncStatus')!;
    const control = new Control();
    const container = document.createElement('div');
    document.body.appendChild(container);
    control.init(fake.context, () => undefined, {}, container);
    await flush();
    expect(container.querySelector('.psafo-sync__badge')?.textContent).toBe('Error');
    expect(container.querySelector('.psafo-sync__message')?.textContent).toBe('Customer ACC-9 does not exist.');
    control.updateView(fake.update({ allocatedWidth: 200 }));
    expect(container.querySelector('.psafo-sync')?.classList.contains('psafo-sync--compact')).toBe(true);
    control.destroy();
  });

  it('form.js exposes PsaFoSync.Form.onLoad, which locks a synced contract', async () => {
    runScript(shipped.webResources.get('psafo_/scripts/form.js')!);
    expect(typeof g.PsaFoSync?.Form?.onLoad).toBe('function');
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'salesorder', id: PROJECT_ID, state: 'Synced', finOpsKey: 'ORD-1' }));
    const h = createFormHarness({ entityName: 'salesorder', id: `{${PROJECT_ID}}`, webApi: api, fields: [{ name: 'ordernumber', label: 'Contract ID' }, { name: 'name', label: 'Name' }] });
    await g.PsaFoSync!.Form.onLoad(h.eventContext);
    expect(h.isDisabled('ordernumber')).toBe(true);
    expect(h.isDisabled('name')).toBe(false);
    expect(h.notifications()[0].message).toMatch(/^Locked by the Finance and Operations integration: Contract ID/);
  });

  it('ribbon.js exposes the three ribbon functions; syncNowForm calls psafo_SyncNow', async () => {
    runScript(shipped.webResources.get('psafo_/scripts/ribbon.js')!);
    const ribbon = g.PsaFoSync!.Ribbon;
    expect(Object.keys(ribbon).sort()).toEqual(['isSavedRecord', 'syncNowForm', 'syncNowGrid']);
    const h = createFormHarness({ entityName: 'msdyn_project', id: `{${PROJECT_ID}}` });
    expect(ribbon.isSavedRecord(h.formContext)).toBe(true);
    await expect(ribbon.syncNowForm(h.formContext)).resolves.toBe('queued');
    const [request] = h.webApi.executed() as { RecordIds: string[]; getMetadata(): { operationName: string } }[];
    expect(request.getMetadata().operationName).toBe('psafo_SyncNow');
    expect(request.RecordIds).toEqual([PROJECT_ID]);
  });

  it('console.html with console.js shows the run history from the host Xrm', async () => {
    const page = new DOMParser().parseFromString(shipped.webResources.get('psafo_/admin/console.html')!, 'text/html');
    expect([...page.querySelectorAll('script')].map((s) => s.getAttribute('src'))).toContain('./console.js');
    document.body.replaceChildren(...[...page.body.children].filter((e) => e.tagName !== 'SCRIPT').map((e) => document.importNode(e, true)));
    const api = new FakeWebApi()
      .put(SYNC_RUN_TABLE, runRow({ runId: 'run-1', state: 'Warning', startedOn: '2026-11-28T09:00:00Z', endedOn: '2026-11-28T09:00:30Z', upserts: 12, errors: 1 }))
      .put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Error', runId: 'run-1', message: 'boom' }));
    g.Xrm = {
      WebApi: { retrieveMultipleRecords: api.retrieveMultipleRecords, online: { execute: api.execute } },
      Utility: { getGlobalContext: () => ({ userSettings: { languageId: 1033 } }) },
    };
    runScript(shipped.webResources.get('psafo_/admin/console.js')!);
    await flush();
    const root = document.getElementById('psafo-console')!;
    expect([...root.querySelectorAll('tr[data-run]')].map((r) => r.getAttribute('data-run'))).toEqual(['run-1']);
    expect(root.querySelectorAll('svg rect[data-series]')).toHaveLength(2);
    expect([...root.querySelectorAll('tr[data-record]')].map((r) => r.getAttribute('data-record'))).toEqual([PROJECT_ID]);
  });
});
