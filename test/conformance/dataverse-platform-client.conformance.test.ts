/**
 * The platform layer as the real clients see it: the sandbox emulators (real identity tokens),
 * driven by the third-party client dynamics-web-api — ImportSolution as an unbound action, the
 * imported table through create/upsert by alternate key, the psafo_SyncNow Custom API and its
 * parameter errors — and the imported components surviving a restart on the same data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicsWebApi } from 'dynamics-web-api';
import { startTestEmulators, type TestEmulators } from '../harness/emulators';
import { FIXTURE_JS, fixtureZip } from '../fixtures/dataverse-platform-solution';

const dataDir = mkdtempSync(join(tmpdir(), 'psafo-platform-'));
let env: TestEmulators;
let client: DynamicsWebApi;

async function start(): Promise<void> {
  env = await startTestEmulators({ dataDir });
  client = new DynamicsWebApi({ serverUrl: env.urls.dataverse, dataApi: { version: '9.2' }, onTokenRefresh: async () => env.token('dataverse') });
}

beforeAll(start, 120_000);
afterAll(async () => {
  await env?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('platform through dynamics-web-api with real tokens', () => {
  it('imports a solution with callAction and exposes its components', async () => {
    await client.callAction({
      actionName: 'ImportSolution',
      action: { OverwriteUnmanagedCustomizations: false, PublishWorkflows: true, CustomizationFile: (await fixtureZip()).toString('base64'), ImportJobId: crypto.randomUUID() },
    });
    const solutions = await client.retrieveMultiple({ collection: 'solutions', select: ['uniquename', 'version', 'ismanaged'], filter: "uniquename eq 'PsaFoSyncFixture'" });
    expect(solutions.value).toEqual([expect.objectContaining({ version: '1.0.0.0', ismanaged: true })]);
    const apis = await client.retrieveMultiple({ collection: 'customapis', select: ['uniquename'] });
    expect(apis.value.map((a) => a.uniquename)).toContain('psafo_SyncNow');
  });

  it('writes the imported table with create and upsert by alternate key', async () => {
    await client.upsert({ collection: 'psafo_syncstatuses', key: "psafo_entitylogicalname='salesorder',psafo_recordid='ORD-1'", data: { psafo_name: 'ORD-1', psafo_state: 104710000 } });
    await client.upsert({ collection: 'psafo_syncstatuses', key: "psafo_entitylogicalname='salesorder',psafo_recordid='ORD-1'", data: { psafo_state: 104710002 } });
    const row = await client.retrieve({ collection: 'psafo_syncstatuses', key: "psafo_entitylogicalname='salesorder',psafo_recordid='ORD-1'", select: ['psafo_state'] });
    expect(row.psafo_state).toBe(104710002);
  });

  it('calls psafo_SyncNow and surfaces its parameter errors', async () => {
    await expect(client.callAction({ actionName: 'psafo_SyncNow', action: { EntityLogicalName: 'salesorder', RecordIds: ['ORD-1'] } })).resolves.toBeFalsy();
    await expect(client.callAction({ actionName: 'psafo_SyncNow', action: { EntityLogicalName: 'salesorder' } }))
      .rejects.toMatchObject({ status: 400, message: expect.stringContaining("'RecordIds'") });
  });

  it('demands a token on the Web API but serves /WebResources to the browser without one', async () => {
    const api = await fetch(`${env.urls.dataverse}/api/data/v9.2/psafo_SyncNow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    const script = await fetch(`${env.urls.dataverse}/WebResources/psafo_/scripts/form.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toBe(FIXTURE_JS);
  });

  it('keeps the imported table, Custom API and solution across a restart on the same data directory', async () => {
    await env.close();
    await start();
    const row = await client.retrieve({ collection: 'psafo_syncstatuses', key: "psafo_entitylogicalname='salesorder',psafo_recordid='ORD-1'", select: ['psafo_state'] });
    expect(row.psafo_state).toBe(104710002);
    await expect(client.callAction({ actionName: 'psafo_SyncNow', action: { EntityLogicalName: 'salesorder', RecordIds: [] } })).resolves.toBeFalsy();
    const again = client.callAction({ actionName: 'ImportSolution', action: { CustomizationFile: (await fixtureZip()).toString('base64') } });
    await expect(again).rejects.toMatchObject({ status: 400, message: expect.stringContaining('already installed') });
  }, 120_000);
});
