import { readFile } from 'node:fs/promises';
import { DynamicsWebApi } from 'dynamics-web-api';
import { startTestEmulators, type TestEmulators } from '../harness/emulators';
import { ensureBuilt } from '../harness/build-once';
import { deploy, type DeployOptions } from '../../bridge/deploy/deploy';
import { deployDataverseOver } from '../../bridge/deploy/dynamics-adapter';
import { SERVICE_ENDPOINT_NAME } from '../../bridge/deploy/service-endpoint';

// deploy against the Dataverse emulator: the built managed zip, environment variables, the webhook
// endpoint and its steps; a second deploy changes nothing.
describe('deploy', () => {
  let env: TestEmulators;
  let api: DynamicsWebApi;
  let options: DeployOptions;

  beforeAll(async () => {
    const [zips, started] = await Promise.all([ensureBuilt(), startTestEmulators({ seed: 'demo' })]);
    env = started;
    const token = await env.token('dataverse');
    api = new DynamicsWebApi({ serverUrl: env.urls.dataverse, dataApi: { version: '9.2' }, propagateErrors: true, onTokenRefresh: async () => token });
    options = {
      solutionZip: await readFile(zips.managedZip),
      bridgeUrl: 'http://127.0.0.1:7070',
      webhookKey: 'deploy-test-key',
      environmentVariables: { psafo_BridgeUrl: 'http://127.0.0.1:7070', psafo_StatusRefreshSeconds: '5' },
      syncNowMessage: 'psafo_SyncNow',
      sources: [
        { entity: 'msdyn_project', attributes: ['msdyn_subject', 'msdyn_description'] },
        { entity: 'salesorder', attributes: ['name', 'customerid'] },
      ],
    };
  }, 300_000);
  afterAll(() => env?.close());

  it('installs everything once and changes nothing the second time', async () => {
    const dv = deployDataverseOver(api);
    const first = await deploy(dv, options);
    expect(first.find((c) => c.kind === 'solution')?.action).toBe('import');
    expect(first.filter((c) => c.action === 'create').map((c) => c.kind)).toEqual(
      expect.arrayContaining(['environmentvariable', 'serviceendpoint', 'step']),
    );

    const second = await deploy(dv, options);
    expect(second.filter((c) => c.action !== 'unchanged')).toEqual([]);

    const endpoints = (await api.retrieveAll({ collection: 'serviceendpoints', filter: `name eq '${SERVICE_ENDPOINT_NAME}'` })).value;
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].url).toBe('http://127.0.0.1:7070/dataverse/webhook');
    const steps = (await api.retrieveAll({ collection: 'sdkmessageprocessingsteps', select: ['name', 'mode', 'filteringattributes'] })).value;
    const ours = steps.filter((s) => String(s.name).startsWith('psa-fo-sync:'));
    expect(ours.map((s) => s.name).sort()).toEqual([
      'psa-fo-sync: Create of msdyn_project',
      'psa-fo-sync: Create of salesorder',
      'psa-fo-sync: Update of msdyn_project',
      'psa-fo-sync: Update of salesorder',
      'psa-fo-sync: psafo_SyncNow',
    ]);
    expect(ours.find((s) => s.name === 'psa-fo-sync: psafo_SyncNow')?.mode).toBe(0);
    expect(ours.find((s) => s.name === 'psa-fo-sync: Update of msdyn_project')?.filteringattributes).toBe('msdyn_description,msdyn_subject');

    const values = (await api.retrieveAll({ collection: 'environmentvariablevalues', select: ['schemaname', 'value'] })).value;
    expect(values.find((v) => v.schemaname === 'psafo_BridgeUrl')?.value).toBe('http://127.0.0.1:7070');
  });

  it('updates the endpoint when the key changes, still with one endpoint', async () => {
    const dv = deployDataverseOver(api);
    const changes = await deploy(dv, { ...options, webhookKey: 'rotated-key' });
    expect(changes.find((c) => c.kind === 'serviceendpoint')?.action).toBe('update');
    const endpoints = (await api.retrieveAll({ collection: 'serviceendpoints', filter: `name eq '${SERVICE_ENDPOINT_NAME}'` })).value;
    expect(endpoints).toHaveLength(1);
  });
});
