/**
 * ImportSolution through the Web API of the Dataverse emulator, with a small but complete solution
 * zip (solution.xml, customizations.xml with a table, option set, alternate key, ribbon, web
 * resource and PCF control, environment variable, Custom API): components registered,
 * the imported table answering an upsert by its alternate key, invalid zips refused with the real
 * messages, versions, ImportSolutionAsync and `GET /WebResources/<name>`. The zip comes from
 * test/fixtures/dataverse-platform-solution.ts.
 */
import pino from 'pino';
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import { installPlatform } from '../../emulators/dataverse/platform/install';
import { INVALID_SOLUTION_FILE_MESSAGE } from '../../emulators/dataverse/platform/errors';
import { FIXTURE_JS as JS, fixtureZip } from '../fixtures/dataverse-platform-solution';
import { entityIdOf, webApiCaller } from '../harness/dataverse-web-api';

const API = '/api/data/v9.2';

describe('Dataverse platform: ImportSolution', () => {
  let emulator: DataverseEmulator;
  let url: string;
  const call = webApiCaller(() => url);
  const importZip = async (zip: Buffer, action = 'ImportSolution') =>
    call('POST', `${API}/${action}`, { OverwriteUnmanagedCustomizations: false, PublishWorkflows: true, CustomizationFile: zip.toString('base64'), ImportJobId: crypto.randomUUID() });

  beforeAll(async () => {
    emulator = new DataverseEmulator({ auth: allowAll, logger: pino({ level: 'silent' }) });
    installPlatform(emulator);
    ({ url } = await emulator.start());
  });
  afterAll(async () => { await emulator.close(); });

  it('imports the zip and registers solution, publisher, web resource, control, env var, Custom API, table and ribbon', async () => {
    const jobId = crypto.randomUUID();
    const res = await call('POST', `${API}/ImportSolution`, { OverwriteUnmanagedCustomizations: false, PublishWorkflows: true, CustomizationFile: (await fixtureZip()).toString('base64'), ImportJobId: jobId });
    expect(res.status).toBe(204);

    const solutions = await call('GET', `${API}/solutions?$filter=uniquename eq 'PsaFoSyncFixture'&$select=uniquename,version,ismanaged`);
    expect(solutions.json.value).toEqual([expect.objectContaining({ uniquename: 'PsaFoSyncFixture', version: '1.0.0.0', ismanaged: true })]);
    const publishers = await call('GET', `${API}/publishers?$filter=uniquename eq 'psafosync'&$select=customizationprefix,customizationoptionvalueprefix`);
    expect(publishers.json.value[0]).toEqual(expect.objectContaining({ customizationprefix: 'psafo', customizationoptionvalueprefix: 10471 }));

    const wr = await call('GET', `${API}/webresourceset?$filter=name eq 'psafo_/scripts/form.js'&$select=name,webresourcetype,content,displayname`);
    expect(wr.json.value[0]).toEqual(expect.objectContaining({ webresourceid: '11111111-2222-3333-4444-555555555555', webresourcetype: 3, displayname: 'form script' }));
    expect(Buffer.from(wr.json.value[0].content, 'base64').toString()).toBe(JS);

    const control = await call('GET', `${API}/customcontrols?$filter=name eq 'psafo_PsaFoSync.SyncStatus'&$select=name,version,manifest`);
    expect(control.json.value[0]).toEqual(expect.objectContaining({ version: '1.2.3' }));
    expect(control.json.value[0].manifest).toContain('constructor="SyncStatus"');

    const env = await call('GET', `${API}/environmentvariabledefinitions?$filter=schemaname eq 'psafo_StatusRefreshSeconds'&$select=defaultvalue,type,displayname`);
    expect(env.json.value[0]).toEqual(expect.objectContaining({ defaultvalue: '10', type: 100000001, displayname: 'Status refresh seconds' }));

    const apis = await call('GET', `${API}/customapis?$filter=uniquename eq 'psafo_SyncNow'&$select=uniquename,bindingtype,isfunction,allowedcustomprocessingsteptype`);
    expect(apis.json.value[0]).toEqual(expect.objectContaining({ bindingtype: 0, isfunction: false, allowedcustomprocessingsteptype: 2 }));
    const params = await call('GET', `${API}/customapirequestparameters?$filter=_customapiid_value eq ${apis.json.value[0].customapiid}&$select=uniquename,type,isoptional&$orderby=uniquename`);
    expect(params.json.value.map((p: { uniquename: string; type: number }) => [p.uniquename, p.type])).toEqual([['EntityLogicalName', 10], ['RecordIds', 11]]);
    const message = await call('GET', `${API}/sdkmessages?$filter=name eq 'psafo_SyncNow'&$select=name`);
    expect(message.json.value).toHaveLength(1);

    const ribbon = await call('GET', `${API}/ribboncustomizations?$filter=entity eq 'psafo_syncstatus'&$select=ribbondiffxml`);
    expect(ribbon.json.value[0].ribbondiffxml).toContain('psafo.psafo_syncstatus.Form.SyncNow.CustomAction');

    const job = await call('GET', `${API}/importjobs(${jobId})?$select=data,solutionname,progress`);
    expect(job.status).toBe(200);
    expect(job.json.solutionname).toBe('PsaFoSyncFixture');
    expect(job.json.data).toContain('result="success"');

    const components = await call('GET', `${API}/solutioncomponents?$select=componenttype,schemaname`);
    const types = components.json.value.map((c: { componenttype: number }) => c.componenttype);
    expect(types).toEqual(expect.arrayContaining([1, 61, 66, 380]));
  });

  it('makes the imported table work at once, including upsert by its alternate key', async () => {
    const meta = await call('GET', `${API}/$metadata`);
    expect(meta.text).toContain('Name="psafo_syncstatus"');
    const path = `${API}/psafo_syncstatuses(psafo_entitylogicalname='msdyn_project',psafo_recordid='P-1')`;
    const created = await call('PATCH', path, { psafo_name: 'P-1', psafo_state: 104710000 });
    expect(created.status).toBe(204);
    const updated = await call('PATCH', path, { psafo_state: 104710001 });
    expect(updated.status).toBe(204);
    const rows = await call('GET', `${API}/psafo_syncstatuses?$select=psafo_name,psafo_state,psafo_recordid`);
    expect(rows.json.value).toEqual([expect.objectContaining({ psafo_name: 'P-1', psafo_state: 104710001, psafo_recordid: 'P-1' })]);
    const bad = await call('PATCH', path, { psafo_state: 5 });
    expect(bad.status).toBe(400);
  });

  it('serves web resources and PCF files at /WebResources/<name> with their content type', async () => {
    const res = await fetch(`${url}/WebResources/psafo_/scripts/form.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/javascript');
    expect(await res.text()).toBe(JS);
    const bundle = await fetch(`${url}/WebResources/cc_psafo_PsaFoSync.SyncStatus/bundle.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toBe('var pcf_tools_bundle = 1;');
    const versioned = await fetch(`${url}/%7B638000000000000000%7D/webresources/PSAFO_/scripts/form.js`);
    expect(versioned.status).toBe(200);
    expect(await versioned.text()).toBe(JS);
    const missing = await fetch(`${url}/WebResources/psafo_/nope.js`);
    expect(missing.status).toBe(404);
  });

  it('refuses the same managed version and upgrades to a higher one', async () => {
    const again = await importZip(await fixtureZip());
    expect(again.status).toBe(400);
    expect(again.json.error.message).toMatch(/^This version of the solution package is already installed/);
    const older = await importZip(await fixtureZip({ version: '0.9.0.0' }));
    expect(older.status).toBe(400);
    expect(older.json.error.message).toContain('must have a higher version than the existing solution');
    const upgrade = await importZip(await fixtureZip({ version: '1.1.0.0' }));
    expect(upgrade.status).toBe(204);
    const sol = await call('GET', `${API}/solutions?$filter=uniquename eq 'PsaFoSyncFixture'&$select=version`);
    expect(sol.json.value).toEqual([expect.objectContaining({ version: '1.1.0.0' })]);
    const unmanagedOverManaged = await importZip(await fixtureZip({ version: '1.2.0.0', managed: false }));
    expect(unmanagedOverManaged.status).toBe(400);
    expect(unmanagedOverManaged.json.error.message).toContain('Import can only update solutions when the modes match');
  });

  it.each([
    ['solution.xml missing', { omit: ['solution.xml'] }],
    ['customizations.xml missing', { omit: ['customizations.xml'] }],
    ['[Content_Types].xml missing', { omit: ['[Content_Types].xml'] }],
    ['files wrapped in a folder', { wrapInFolder: true }],
  ])('refuses a zip with %s with the real message', async (_name, opts) => {
    const res = await importZip(await fixtureZip({ version: '9.0.0.0', ...opts }));
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(INVALID_SOLUTION_FILE_MESSAGE);
    expect(res.json.error.code).toBe('0x8004801a');
  });

  it('refuses unparsable XML, a missing web resource file and a missing control manifest, naming the file', async () => {
    const broken = await importZip(await fixtureZip({ version: '9.0.0.0', brokenCustomizations: true }));
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toContain("'customizations.xml' could not be parsed");
    const noFile = await importZip(await fixtureZip({ version: '9.0.0.0', dropWebResourceFile: true }));
    expect(noFile.status).toBe(400);
    expect(noFile.json.error.message).toContain('/WebResources/psafo_scriptsformjs11111111-2222-3333-4444-555555555555');
    const noManifest = await importZip(await fixtureZip({ version: '9.0.0.0', dropControlManifest: true }));
    expect(noManifest.status).toBe(400);
    expect(noManifest.json.error.message).toContain('ControlManifest.xml');
    const notZip = await call('POST', `${API}/ImportSolution`, { CustomizationFile: Buffer.from('not a zip').toString('base64') });
    expect(notZip.status).toBe(400);
    const notBinary = await call('POST', `${API}/ImportSolution`, { CustomizationFile: 42 });
    expect(notBinary.status).toBe(400);
    expect(notBinary.json.error.message).toContain('Edm.Binary');
    const missing = await call('POST', `${API}/ImportSolution`, { OverwriteUnmanagedCustomizations: false });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain('CustomizationFile');
    const sol = await call('GET', `${API}/solutions?$filter=uniquename eq 'PsaFoSyncFixture'&$select=version`);
    expect(sol.json.value[0].version).toBe('1.1.0.0');
  });

  it('records a failed import in importjobs', async () => {
    const jobId = crypto.randomUUID();
    const res = await call('POST', `${API}/ImportSolution`, { CustomizationFile: (await fixtureZip({ version: '9.0.0.0', dropWebResourceFile: true })).toString('base64'), ImportJobId: jobId });
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 50));
    const job = await call('GET', `${API}/importjobs(${jobId})?$select=data`);
    expect(job.status).toBe(200);
    expect(job.json.data).toContain('result="failure"');
  });

  it('sets environment variable values from ComponentParameters', async () => {
    const res = await call('POST', `${API}/ImportSolution`, {
      CustomizationFile: (await fixtureZip({ version: '1.5.0.0' })).toString('base64'),
      ComponentParameters: [{ '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue', schemaname: 'psafo_StatusRefreshSeconds', value: '30' }],
    });
    expect(res.status).toBe(204);
    const values = await call('GET', `${API}/environmentvariablevalues?$select=schemaname,value,_environmentvariabledefinitionid_value`);
    expect(values.json.value).toEqual([expect.objectContaining({ schemaname: 'psafo_StatusRefreshSeconds', value: '30' })]);
    const bad = await call('POST', `${API}/ImportSolution`, { CustomizationFile: (await fixtureZip({ version: '1.6.0.0' })).toString('base64'), ComponentParameters: 'x' });
    expect(bad.status).toBe(400);
  });

  it('keeps the built-in schema when a package carries the full definition of an OOB table', async () => {
    const res = await importZip(await fixtureZip({ version: '1.7.0.0', fullAccountEntity: true }));
    expect(res.status).toBe(204);
    const created = await call('POST', `${API}/accounts`, { name: 'Fabrikam', accountnumber: 'FAB-1' });
    expect(created.status).toBe(204);
  });

  it('ImportSolutionAsync answers an AsyncOperationId that completes with statuscode 30', async () => {
    const res = await importZip(await fixtureZip({ version: '2.0.0.0' }), 'ImportSolutionAsync');
    expect(res.status).toBe(200);
    expect(res.json['@odata.context']).toContain('ImportSolutionAsyncResponse');
    const id = res.json.AsyncOperationId as string;
    let op: { statecode: number; statuscode: number } | undefined;
    for (let i = 0; i < 100; i += 1) {
      op = (await call('GET', `${API}/asyncoperations(${id})?$select=statecode,statuscode,message`)).json;
      if (op?.statecode === 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(op).toEqual(expect.objectContaining({ statecode: 3, statuscode: 30 }));
    const failed = await importZip(await fixtureZip({ version: '2.0.0.0' }), 'ImportSolutionAsync');
    const fid = failed.json.AsyncOperationId as string;
    for (let i = 0; i < 100; i += 1) {
      op = (await call('GET', `${API}/asyncoperations(${fid})?$select=statecode,statuscode,message`)).json;
      if (op?.statecode === 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(op).toEqual(expect.objectContaining({ statecode: 3, statuscode: 31 }));
    const publish = await call('POST', `${API}/PublishAllXml`, {});
    expect(publish.status).toBe(204);
  });
  it('uninstalls a managed solution on DELETE solutions(id), refused while a step uses its Custom API', async () => {
    const solution = (await call('GET', `${API}/solutions?$filter=uniquename eq 'PsaFoSyncFixture'&$select=solutionid`)).json.value[0].solutionid as string;
    const message = (await call('GET', `${API}/sdkmessages?$filter=name eq 'psafo_SyncNow'&$select=name`)).json.value[0].sdkmessageid as string;
    const ep = await call('POST', `${API}/serviceendpoints`, { name: 'uninstall test', url: 'http://127.0.0.1:9/hook', contract: 8, authtype: 4, authvalue: 'k' });
    const endpointId = entityIdOf(ep);
    const step = await call('POST', `${API}/sdkmessageprocessingsteps`, {
      name: 'uses SyncNow', 'sdkmessageid@odata.bind': `/sdkmessages(${message})`, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpointId})`, mode: 1, stage: 40,
    });
    const stepId = entityIdOf(step);
    const refused = await call('DELETE', `${API}/solutions(${solution})`);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain("'uses SyncNow'");
    expect((await call('GET', `${API}/solutions(${solution})?$select=uniquename`)).status).toBe(200);

    expect((await call('DELETE', `${API}/sdkmessageprocessingsteps(${stepId})`)).status).toBe(204);
    expect((await call('DELETE', `${API}/solutions(${solution})`)).status).toBe(204);
    expect((await call('GET', `${API}/webresourceset?$filter=name eq 'psafo_/scripts/form.js'`)).json.value).toHaveLength(0);
    expect((await call('GET', `${API}/customapis?$filter=uniquename eq 'psafo_SyncNow'`)).json.value).toHaveLength(0);
    expect((await call('GET', `${API}/environmentvariabledefinitions?$filter=schemaname eq 'psafo_StatusRefreshSeconds'`)).json.value).toHaveLength(0);
    expect((await call('GET', `${API}/customcontrols`)).json.value).toHaveLength(0);
    expect((await call('GET', `${API}/psafo_syncstatuses`)).json.value).toHaveLength(0);
    expect((await call('GET', `${API}/accounts?$filter=accountnumber eq 'FAB-1'`)).json.value).toHaveLength(1);
    expect((await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'x', RecordIds: [] })).status).toBe(404);
    expect((await fetch(`${url}/WebResources/psafo_/scripts/form.js`)).status).toBe(404);
    const reinstall = await importZip(await fixtureZip({ version: '3.0.0.0' }));
    expect(reinstall.status).toBe(204);
    expect((await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'x', RecordIds: [] })).status).toBe(204);
  });
});
