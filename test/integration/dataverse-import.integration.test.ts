/**
 * The acceptance of issue 3 for the platform part: importing the BUILT managed zip
 * (`ensureBuilt`: dist/ from the real build, rebuilt when stale) into the Dataverse emulator through the Web
 * API registers its components; a webhook step registered through the Web API receives a correct
 * RemoteExecutionContext when a project is updated; psafo_SyncNow delivers to its step.
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import { installPlatform, type PlatformHandle } from '../../emulators/dataverse/platform/install';
import { ensureBuilt } from '../harness/build-once';
import { entityIdOf, webApiCaller } from '../harness/dataverse-web-api';
import { Receiver } from '../harness/webhook-receiver';

const API = '/api/data/v9.2';

describe('import of the built managed solution into the Dataverse emulator', () => {
  let emulator: DataverseEmulator;
  let platform: PlatformHandle;
  let url: string;
  let managedZip: Buffer;
  const receiver = new Receiver();

  const call = webApiCaller(() => url);

  beforeAll(async () => {
    const built = await ensureBuilt();
    managedZip = readFileSync(built.managedZip);
    await receiver.start();
    emulator = new DataverseEmulator({ auth: allowAll, logger: pino({ level: 'silent' }) });
    platform = installPlatform(emulator);
    ({ url } = await emulator.start());
  }, 600_000);
  afterAll(async () => {
    await platform?.idle();
    await emulator?.close();
    await receiver.close();
  });

  it('registers the solution components', async () => {
    const res = await call('POST', `${API}/ImportSolution`, {
      OverwriteUnmanagedCustomizations: false, PublishWorkflows: true, CustomizationFile: managedZip.toString('base64'), ImportJobId: crypto.randomUUID(),
    });
    expect(res.status).toBe(204);
    const sol = await call('GET', `${API}/solutions?$filter=uniquename eq 'PsaFoSync'&$select=uniquename,version,ismanaged,friendlyname`);
    expect(sol.json.value).toEqual([expect.objectContaining({ ismanaged: true, friendlyname: 'PSA to Finance and Operations Sync' })]);
    const wr = await call('GET', `${API}/webresourceset?$filter=startswith(name,'psafo_/')&$select=name,webresourcetype`);
    expect(wr.json.value.map((w: { name: string }) => w.name).sort()).toEqual(
      ['psafo_/admin/console.html', 'psafo_/admin/console.js', 'psafo_/images/syncnow.svg', 'psafo_/scripts/form.js', 'psafo_/scripts/ribbon.js']);
    const env = await call('GET', `${API}/environmentvariabledefinitions?$select=schemaname,defaultvalue`);
    expect(env.json.value.map((e: { schemaname: string }) => e.schemaname).sort()).toEqual(['psafo_BridgeUrl', 'psafo_FieldLockRules', 'psafo_StatusRefreshSeconds']);
    const apis = await call('GET', `${API}/customapis?$filter=uniquename eq 'psafo_SyncNow'&$select=uniquename`);
    expect(apis.json.value).toHaveLength(1);
    const controls = await call('GET', `${API}/customcontrols?$select=name`);
    expect(controls.json.value.map((c: { name: string }) => c.name)).toEqual(['psafo_PsaFoSync.SyncStatus']);
    const ribbons = await call('GET', `${API}/ribboncustomizations?$filter=entity eq 'msdyn_project'&$select=ribbondiffxml`);
    expect(ribbons.json.value[0].ribbondiffxml).toContain('Mscrm.Form.msdyn_project.MainTab.Save.Controls._children');
    const script = await fetch(`${url}/WebResources/psafo_/scripts/ribbon.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const bundle = await fetch(`${url}/WebResources/cc_psafo_PsaFoSync.SyncStatus/bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('makes psafo_syncstatus and psafo_syncrun work, with upsert by the alternate key', async () => {
    const key = `${API}/psafo_syncstatuses(psafo_entitylogicalname='msdyn_project',psafo_recordid='00000000-0000-0000-0000-000000000042')`;
    expect((await call('PATCH', key, { psafo_name: 'msdyn_project 42', psafo_state: 104710000 })).status).toBe(204);
    expect((await call('PATCH', key, { psafo_state: 104710001, psafo_finopskey: 'USMF/PRJ-1' })).status).toBe(204);
    const rows = await call('GET', `${API}/psafo_syncstatuses?$select=psafo_state,psafo_finopskey`);
    expect(rows.json.value).toEqual([expect.objectContaining({ psafo_state: 104710001, psafo_finopskey: 'USMF/PRJ-1' })]);
    const run = await call('POST', `${API}/psafo_syncruns`, { psafo_name: 'run 1', psafo_runid: 'r1', psafo_trigger: 104710001, psafo_state: 104710000 });
    expect(run.status).toBe(204);
  });

  it('delivers a RemoteExecutionContext to a webhook step registered through the Web API when a project is updated', async () => {
    const ep = await call('POST', `${API}/serviceendpoints`, {
      name: 'psa-fo-sync bridge', url: `${receiver.url}/dataverse/webhook`, contract: 8, authtype: 5, messageformat: 2,
      authvalue: '<settings><setting name="x-psafo-key" value="sandbox-key" /></settings>',
    });
    expect(ep.status).toBe(204);
    const update = (await call('GET', `${API}/sdkmessages?$filter=name eq 'Update'&$select=name`)).json.value[0].sdkmessageid as string;
    const filter = (await call('GET', `${API}/sdkmessagefilters?$filter=primaryobjecttypecode eq 'msdyn_project' and _sdkmessageid_value eq ${update}`)).json.value[0].sdkmessagefilterid as string;
    const stepRes = await call('POST', `${API}/sdkmessageprocessingsteps`, {
      name: 'psa-fo-sync: msdyn_project Update', 'sdkmessageid@odata.bind': `/sdkmessages(${update})`, 'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filter})`,
      'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${entityIdOf(ep)})`, mode: 1, stage: 40, rank: 1, filteringattributes: 'msdyn_subject',
      asyncautodelete: true, supporteddeployment: 0,
    });
    expect(stepRes.status).toBe(204);
    const project = await call('POST', `${API}/msdyn_projects`, { msdyn_subject: 'Contoso rollout' });
    const projectId = entityIdOf(project);
    expect((await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_subject: 'Contoso rollout phase 2' })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 30));
    await platform.idle();
    expect(receiver.deliveries).toHaveLength(1);
    const [d] = receiver.deliveries;
    expect(d.path).toBe('/dataverse/webhook');
    expect(d.headers['x-psafo-key']).toBe('sandbox-key');
    expect(d.headers['x-ms-dynamics-request-name']).toBe('Update');
    expect(d.headers['x-ms-dynamics-entity-name']).toBe('msdyn_project');
    expect(d.body).toEqual(expect.objectContaining({ MessageName: 'Update', PrimaryEntityName: 'msdyn_project', PrimaryEntityId: projectId, Stage: 40, Mode: 1 }));
    const target = (d.body.InputParameters as Array<{ key: string; value: { Attributes: Array<{ key: string; value: unknown }> } }>)[0];
    expect(target.key).toBe('Target');
    expect(target.value.Attributes).toEqual(expect.arrayContaining([{ key: 'msdyn_subject', value: 'Contoso rollout phase 2' }]));
    // asyncautodelete: a succeeded job leaves no System Job behind.
    const jobs = await call('GET', `${API}/asyncoperations?$filter=statuscode eq 30&$select=name`);
    expect(jobs.json.value).toHaveLength(0);
  });

  it('psafo_SyncNow from the built solution delivers to its step', async () => {
    const msg = (await call('GET', `${API}/sdkmessages?$filter=name eq 'psafo_SyncNow'&$select=name`)).json.value[0].sdkmessageid as string;
    const ep = await call('POST', `${API}/serviceendpoints`, {
      name: 'psa-fo-sync sync now', url: `${receiver.url}/dataverse/syncnow`, contract: 8, authtype: 5, messageformat: 2,
      authvalue: '<settings><setting name="x-psafo-key" value="sandbox-key" /></settings>',
    });
    await call('POST', `${API}/sdkmessageprocessingsteps`, {
      name: 'psa-fo-sync: SyncNow', 'sdkmessageid@odata.bind': `/sdkmessages(${msg})`,
      'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${entityIdOf(ep)})`, mode: 0, stage: 40, rank: 1, supporteddeployment: 0,
    });
    const res = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'msdyn_project', RecordIds: ['00000000-0000-0000-0000-000000000042'] });
    expect(res.status).toBe(204);
    const hit = receiver.deliveries.find((d) => d.path === '/dataverse/syncnow');
    expect(hit?.body.InputParameters).toEqual([{ key: 'EntityLogicalName', value: 'msdyn_project' }, { key: 'RecordIds', value: ['00000000-0000-0000-0000-000000000042'] }]);
  });
});
