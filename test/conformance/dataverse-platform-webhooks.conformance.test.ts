/**
 * Webhooks and Custom API execution of the Dataverse emulator, registered through the Web API as
 * the Plug-in Registration Tool / our `deploy` do (serviceendpoint contract 8 + step), delivered
 * to a tiny HTTP receiver on 127.0.0.1: RemoteExecutionContext body and x-ms-dynamics headers,
 * HttpHeader / WebhookKey / HttpQueryString auth, filtering attributes, images, a failing
 * synchronous step failing the update, one retry on 503, asynchronous System Jobs, and the
 * psafo_SyncNow Custom API validating its parameters and delivering to its step.
 */
import pino from 'pino';
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import { installPlatform, type PlatformHandle } from '../../emulators/dataverse/platform/install';
import { entityIdOf, webApiCaller } from '../harness/dataverse-web-api';
import { Receiver } from '../harness/webhook-receiver';

const API = '/api/data/v9.2';
const KEY = 'k-3f9a1c';

type Attr = { key: string; value: unknown };

describe('Dataverse platform: webhooks and Custom API', () => {
  let emulator: DataverseEmulator;
  let platform: PlatformHandle;
  let url: string;
  const receiver = new Receiver();

  const call = webApiCaller(() => url);
  const create = async (set: string, body: Record<string, unknown>): Promise<string> => {
    const res = await call('POST', `${API}/${set}`, body);
    if (res.status !== 204) throw new Error(`create ${set}: ${res.status} ${JSON.stringify(res.json)}`);
    return entityIdOf(res);
  };
  const idOf = async (set: string, filter: string): Promise<string> => {
    const res = await call('GET', `${API}/${set}?$filter=${encodeURIComponent(filter)}`);
    const row = res.json.value[0] as Record<string, string>;
    return Object.entries(row).find(([k]) => k === `${set.replace(/s$/, '')}id`)![1];
  };
  const endpoint = (name: string, path: string, authtype = 5, authvalue = `<settings><setting name="x-psafo-key" value="${KEY}" /></settings>`) =>
    create('serviceendpoints', { name, url: `${receiver.url}${path}`, contract: 8, authtype, authvalue, messageformat: 2 });
  const step = async (o: { name: string; message: string; entity?: string; endpointId: string; mode: number; stage: number; filtering?: string }) => {
    const messageId = await idOf('sdkmessages', `name eq '${o.message}'`);
    const body: Record<string, unknown> = {
      name: o.name, 'sdkmessageid@odata.bind': `/sdkmessages(${messageId})`,
      'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${o.endpointId})`,
      mode: o.mode, stage: o.stage, rank: 1, asyncautodelete: false, supporteddeployment: 0,
    };
    if (o.entity) {
      const filterId = await idOf('sdkmessagefilters', `primaryobjecttypecode eq '${o.entity}' and _sdkmessageid_value eq ${messageId}`);
      body['sdkmessagefilterid@odata.bind'] = `/sdkmessagefilters(${filterId})`;
    }
    if (o.filtering) body.filteringattributes = o.filtering;
    return create('sdkmessageprocessingsteps', body);
  };
  const disable = (stepId: string) => call('PATCH', `${API}/sdkmessageprocessingsteps(${stepId})`, { statecode: 1, statuscode: 2 });
  const settle = async () => { await new Promise((r) => setTimeout(r, 30)); await platform.idle(); };
  const attrs = (entity: unknown): Record<string, unknown> =>
    Object.fromEntries(((entity as { Attributes: Attr[] }).Attributes).map((a) => [a.key, a.value]));

  beforeAll(async () => {
    await receiver.start();
    emulator = new DataverseEmulator({ auth: allowAll, logger: pino({ level: 'silent' }) });
    platform = installPlatform(emulator, { webhookTimeoutMs: 2000 });
    ({ url } = await emulator.start());
  });
  afterAll(async () => {
    await platform.idle();
    await emulator.close();
    await receiver.close();
  });

  it('delivers an async post-operation Update of msdyn_project as a RemoteExecutionContext with headers and key', async () => {
    const ep = await endpoint('psafo bridge', '/dataverse/webhook');
    const stepId = await step({ name: 'psafo: project update', message: 'Update', entity: 'msdyn_project', endpointId: ep, mode: 1, stage: 40, filtering: 'msdyn_subject,msdyn_description' });
    const projectId = await create('msdyn_projects', { msdyn_subject: 'Alpha' });
    await settle();
    expect(receiver.on('/dataverse/webhook')).toHaveLength(0);

    const res = await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_subject: 'Alpha 2' });
    expect(res.status).toBe(204);
    await settle();
    const [d] = receiver.on('/dataverse/webhook');
    expect(d).toBeDefined();
    expect(d.headers['x-psafo-key']).toBe(KEY);
    expect(d.headers['x-ms-dynamics-entity-name']).toBe('msdyn_project');
    expect(d.headers['x-ms-dynamics-request-name']).toBe('Update');
    expect(d.headers['x-ms-dynamics-organization']).toBe(new URL(url).host);
    expect(d.headers['x-ms-correlation-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.headers['content-type']).toContain('application/json');
    expect(d.raw).toContain('Entity:http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts');
    const ctx = d.body;
    expect(ctx).toEqual(expect.objectContaining({
      MessageName: 'Update', PrimaryEntityName: 'msdyn_project', PrimaryEntityId: projectId, Mode: 1, Stage: 40, Depth: 1,
      CorrelationId: d.headers['x-ms-correlation-request-id'], OrganizationName: expect.any(String), SecondaryEntityName: 'none',
    }));
    for (const k of ['BusinessUnitId', 'InitiatingUserId', 'UserId', 'OrganizationId', 'OperationId', 'RequestId']) expect(ctx[k]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.OperationCreatedOn).toMatch(/^\/Date\(\d+\)\/$/);
    expect(ctx.OwningExtension).toEqual(expect.objectContaining({ Id: stepId, LogicalName: 'sdkmessageprocessingstep' }));
    expect((ctx.ParentContext as Record<string, unknown>).Stage).toBe(30);
    const target = (ctx.InputParameters as Attr[]).find((p) => p.key === 'Target')!.value as Record<string, unknown>;
    expect(target).toEqual(expect.objectContaining({ __type: 'Entity:http://schemas.microsoft.com/xrm/2011/Contracts', LogicalName: 'msdyn_project', Id: projectId }));
    expect(attrs(target)).toEqual(expect.objectContaining({ msdyn_subject: 'Alpha 2', msdyn_projectid: projectId }));
    expect(ctx.PreEntityImages).toEqual([]);

    const jobs = await call('GET', `${API}/asyncoperations?$filter=_owningextensionid_value eq ${stepId}&$select=statecode,statuscode,name`);
    expect(jobs.json.value).toEqual([expect.objectContaining({ statecode: 3, statuscode: 30 })]);
    await disable(stepId);
  });

  it('respects filtering attributes and sends registered images', async () => {
    const ep = await endpoint('filtered', '/filtered');
    const stepId = await step({ name: 'psafo: description only', message: 'Update', entity: 'msdyn_project', endpointId: ep, mode: 1, stage: 40, filtering: 'msdyn_description' });
    await create('sdkmessageprocessingstepimages', {
      name: 'pre', entityalias: 'PreImage', imagetype: 2, attributes: 'msdyn_subject,msdyn_description', messagepropertyname: 'Target',
      'sdkmessageprocessingstepid@odata.bind': `/sdkmessageprocessingsteps(${stepId})`,
    });
    const projectId = await create('msdyn_projects', { msdyn_subject: 'Beta' });
    await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_subject: 'Beta 2' });
    await settle();
    expect(receiver.on('/filtered')).toHaveLength(0);
    await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_description: 'now described' });
    await settle();
    const hits = receiver.on('/filtered');
    expect(hits).toHaveLength(1);
    const ctx = hits[0].body;
    const pre = (ctx.PreEntityImages as Attr[])[0];
    const post = (ctx.PostEntityImages as Attr[])[0];
    expect(pre.key).toBe('PreImage');
    expect(attrs(pre.value)).toEqual({ msdyn_subject: 'Beta 2' });
    expect(attrs(post.value)).toEqual({ msdyn_subject: 'Beta 2', msdyn_description: 'now described' });
    await disable(stepId);
  });

  it('a failing synchronous step fails the update with the endpoint message and rolls it back', async () => {
    receiver.script('/reject', { status: 400, body: 'bridge refused: record locked' });
    const ep = await endpoint('psafo bridge sync', '/reject');
    const stepId = await step({ name: 'psafo: sync check', message: 'Update', entity: 'msdyn_project', endpointId: ep, mode: 0, stage: 20 });
    const projectId = await create('msdyn_projects', { msdyn_subject: 'Gamma' });
    const res = await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_subject: 'Gamma 2' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('0x80040265');
    expect(res.json.error.message).toContain('bridge refused: record locked');
    const row = await call('GET', `${API}/msdyn_projects(${projectId})?$select=msdyn_subject`);
    expect(row.json.msdyn_subject).toBe('Gamma');
    expect(receiver.on('/reject')[0].body.Mode).toBe(0);
    await disable(stepId);
    const ok = await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_subject: 'Gamma 3' });
    expect(ok.status).toBe(204);
  });

  it('retries exactly once on 503 and then succeeds; a second 503 fails', async () => {
    receiver.script('/flaky', { status: 503 }, { status: 200 });
    const ep = await endpoint('flaky', '/flaky');
    const stepId = await step({ name: 'flaky', message: 'Create', entity: 'msdyn_project', endpointId: ep, mode: 0, stage: 40 });
    const created = await call('POST', `${API}/msdyn_projects`, { msdyn_subject: 'Delta' });
    expect(created.status).toBe(204);
    expect(receiver.on('/flaky')).toHaveLength(2);
    receiver.script('/flaky', { status: 503, body: 'busy' });
    const failed = await call('POST', `${API}/msdyn_projects`, { msdyn_subject: 'Epsilon' });
    expect(failed.status).toBe(400);
    expect(receiver.on('/flaky')).toHaveLength(4);
    const count = await call('GET', `${API}/msdyn_projects?$filter=msdyn_subject eq 'Epsilon'`);
    expect(count.json.value).toHaveLength(0);
    const hit = receiver.on('/flaky')[0].body;
    expect(hit.MessageName).toBe('Create');
    await disable(stepId);
  });

  it('does not retry a 500 and records a failed System Job for an async step without failing the caller', async () => {
    receiver.script('/broken', { status: 500, body: 'boom' });
    const ep = await endpoint('broken', '/broken');
    const stepId = await step({ name: 'broken async', message: 'Update', entity: 'msdyn_project', endpointId: ep, mode: 1, stage: 40 });
    const projectId = await create('msdyn_projects', { msdyn_subject: 'Zeta' });
    const res = await call('PATCH', `${API}/msdyn_projects(${projectId})`, { msdyn_subject: 'Zeta 2' });
    expect(res.status).toBe(204);
    await settle();
    expect(receiver.on('/broken')).toHaveLength(1);
    const jobs = await call('GET', `${API}/asyncoperations?$filter=_owningextensionid_value eq ${stepId} and statuscode eq 31&$select=message`);
    expect(jobs.json.value).toHaveLength(1);
    expect(jobs.json.value[0].message).toContain('boom');
    await disable(stepId);
  });

  it('fires for every record of CreateMultiple and works the async queue at most 8 at a time', async () => {
    receiver.script('/slow', { status: 200, delayMs: 60 });
    receiver.maxInFlight = 0;
    const ep = await endpoint('slow', '/slow');
    const stepId = await step({ name: 'slow async', message: 'Create', entity: 'msdyn_project', endpointId: ep, mode: 1, stage: 40 });
    const targets = Array.from({ length: 20 }, (_, i) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.msdyn_project', msdyn_subject: `Bulk ${i}` }));
    const res = await call('POST', `${API}/msdyn_projects/Microsoft.Dynamics.CRM.CreateMultiple`, { Targets: targets });
    expect(res.status).toBe(200);
    const waiting = await call('GET', `${API}/asyncoperations?$filter=_owningextensionid_value eq ${stepId} and statecode ne 3&$count=true&$select=statuscode`);
    expect(waiting.json.value.length).toBeGreaterThan(0);
    await settle();
    expect(receiver.on('/slow')).toHaveLength(20);
    expect(receiver.maxInFlight).toBeLessThanOrEqual(8);
    expect(receiver.maxInFlight).toBeGreaterThan(1);
    const done = await call('GET', `${API}/asyncoperations?$filter=_owningextensionid_value eq ${stepId} and statuscode eq 30&$select=name`);
    expect(done.json.value).toHaveLength(20);
    await disable(stepId);
  });

  it('sends WebhookKey as ?code= and HttpQueryString as query pairs', async () => {
    const a = await endpoint('keyed', '/keyed', 4, 'secret-code');
    const b = await endpoint('queried', '/queried', 6, '<settings><setting name="tenant" value="t1" /><setting name="sig" value="s2" /></settings>');
    const s1 = await step({ name: 'keyed', message: 'Delete', entity: 'msdyn_project', endpointId: a, mode: 0, stage: 40 });
    const s2 = await step({ name: 'queried', message: 'Delete', entity: 'msdyn_project', endpointId: b, mode: 0, stage: 40 });
    const projectId = await create('msdyn_projects', { msdyn_subject: 'Eta' });
    expect((await call('DELETE', `${API}/msdyn_projects(${projectId})`)).status).toBe(204);
    const keyed = receiver.on('/keyed')[0];
    expect(keyed.query.get('code')).toBe('secret-code');
    expect(keyed.headers['x-psafo-key']).toBeUndefined();
    const target = (keyed.body.InputParameters as Attr[])[0].value as Record<string, unknown>;
    expect(target).toEqual(expect.objectContaining({ __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: projectId, LogicalName: 'msdyn_project' }));
    const queried = receiver.on('/queried')[0];
    expect([queried.query.get('tenant'), queried.query.get('sig')]).toEqual(['t1', 's2']);
    await disable(s1);
    await disable(s2);
  });

  it('fails a synchronous step whose endpoint does not answer within the timeout', async () => {
    installPlatform(emulator, { webhookTimeoutMs: 300 });
    receiver.script('/hang', { status: 0 });
    const ep = await endpoint('hanging', '/hang');
    const stepId = await step({ name: 'hanging', message: 'Create', entity: 'msdyn_project', endpointId: ep, mode: 0, stage: 20 });
    const started = Date.now();
    const res = await call('POST', `${API}/msdyn_projects`, { msdyn_subject: 'Theta' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('timed out after 300 ms');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(receiver.on('/hang')).toHaveLength(1);
    await disable(stepId);
    installPlatform(emulator, { webhookTimeoutMs: 2000 });
  });

  it('strips the context above 256 KB and says so in x-ms-dynamics-msg-size-exceeded', async () => {
    const ep = await endpoint('big', '/big');
    const stepId = await step({ name: 'big', message: 'Create', entity: 'webresource', endpointId: ep, mode: 0, stage: 40 });
    const content = Buffer.alloc(300 * 1024, 7).toString('base64');
    const res = await call('POST', `${API}/webresourceset`, { name: 'psafo_/big.png', webresourcetype: 5, content });
    expect(res.status).toBe(204);
    const [d] = receiver.on('/big');
    expect(d.headers['x-ms-dynamics-msg-size-exceeded']).toBe('true');
    expect(d.body.InputParameters).toEqual([]);
    expect(d.body.ParentContext).toBeNull();
    expect(d.body.MessageName).toBe('Create');
    await disable(stepId);
  });

  it('refuses an asynchronous step outside post-operation and a step without a message', async () => {
    const ep = await endpoint('steps', '/steps');
    await expect(step({ name: 'async pre', message: 'Update', entity: 'msdyn_project', endpointId: ep, mode: 1, stage: 20 })).rejects.toThrow(/400.*post-operation/);
    const noMessage = await call('POST', `${API}/sdkmessageprocessingsteps`, { name: 'orphan', mode: 0, stage: 40, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${ep})` });
    expect(noMessage.status).toBe(400);
    expect(noMessage.json.error.message).toContain('sdkmessageid');
  });

  it('refuses a webhook endpoint with an invalid url or auth type', async () => {
    const bad = await call('POST', `${API}/serviceendpoints`, { name: 'bad', url: 'not a url', contract: 8, authtype: 5, authvalue: '<settings/>' });
    expect(bad.status).toBe(400);
    const badType = await call('POST', `${API}/serviceendpoints`, { name: 'bad2', url: 'http://127.0.0.1:1/x', contract: 8, authtype: 2 });
    expect(badType.status).toBe(400);
  });

  describe('Custom API psafo_SyncNow', () => {
    let apiId: string;
    beforeAll(async () => {
      apiId = await create('customapis', { uniquename: 'psafo_SyncNow', name: 'psafo_SyncNow', displayname: 'Sync now', bindingtype: 0, isfunction: false, allowedcustomprocessingsteptype: 2 });
      await create('customapirequestparameters', { uniquename: 'EntityLogicalName', name: 'psafo_SyncNow.EntityLogicalName', type: 10, isoptional: false, 'CustomAPIId@odata.bind': `/customapis(${apiId})` });
      await create('customapirequestparameters', { uniquename: 'RecordIds', name: 'psafo_SyncNow.RecordIds', type: 11, isoptional: false, 'CustomAPIId@odata.bind': `/customapis(${apiId})` });
    });

    it('answers 204 without a step and validates parameters like the service', async () => {
      const ok = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'msdyn_project', RecordIds: ['a'] });
      expect(ok.status).toBe(204);
      const missing = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'msdyn_project' });
      expect(missing.status).toBe(400);
      expect(missing.json.error.message).toContain("'RecordIds'");
      const wrongType = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'msdyn_project', RecordIds: 'a' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.json.error.message).toContain("A 'StartArray' node was expected");
      const wrongString = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 42, RecordIds: [] });
      expect(wrongString.status).toBe(400);
      expect(wrongString.json.error.message).toContain("'Edm.String'");
      const unknown = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'x', RecordIds: [], Extra: 1 });
      expect(unknown.status).toBe(400);
      expect(unknown.json.error.message).toContain("'Extra'");
    });

    it('answers 200 with only @odata.context for an API with response properties and no plug-in', async () => {
      const id = await create('customapis', { uniquename: 'psafo_Ping', name: 'psafo_Ping', bindingtype: 0, isfunction: false, allowedcustomprocessingsteptype: 0 });
      await create('customapiresponseproperties', { uniquename: 'Message', name: 'psafo_Ping.Message', type: 10, 'CustomAPIId@odata.bind': `/customapis(${id})` });
      const res = await call('POST', `${API}/psafo_Ping`, {});
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ '@odata.context': expect.stringContaining('$metadata#Microsoft.Dynamics.CRM.psafo_PingResponse') });
      const pingMessage = await idOf('sdkmessages', "name eq 'psafo_Ping'");
      const refused = await call('POST', `${API}/sdkmessageprocessingsteps`, {
        name: 'no steps allowed', 'sdkmessageid@odata.bind': `/sdkmessages(${pingMessage})`, mode: 0, stage: 40,
        'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${await endpoint('ping', '/ping')})`,
      });
      expect(refused.status).toBe(400);
      expect(refused.json.error.message).toContain('allowedcustomprocessingsteptype = 0');
    });

    it('delivers to its webhook step with the parameters as InputParameters', async () => {
      const ep = await endpoint('sync now', '/syncnow');
      const stepId = await step({ name: 'psafo: SyncNow', message: 'psafo_SyncNow', endpointId: ep, mode: 0, stage: 40 });
      const ids = [crypto.randomUUID(), crypto.randomUUID()];
      const res = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'msdyn_project', RecordIds: ids });
      expect(res.status).toBe(204);
      const [d] = receiver.on('/syncnow');
      expect(d.headers['x-ms-dynamics-request-name']).toBe('psafo_SyncNow');
      expect(d.headers['x-psafo-key']).toBe(KEY);
      expect(d.body).toEqual(expect.objectContaining({ MessageName: 'psafo_SyncNow', PrimaryEntityName: 'none', Stage: 40, Mode: 0 }));
      expect(d.body.InputParameters).toEqual([{ key: 'EntityLogicalName', value: 'msdyn_project' }, { key: 'RecordIds', value: ids }]);
      receiver.script('/syncnow', { status: 401, body: 'missing key' });
      const failed = await call('POST', `${API}/psafo_SyncNow`, { EntityLogicalName: 'msdyn_project', RecordIds: ids });
      expect(failed.status).toBe(400);
      expect(failed.json.error.message).toContain('missing key');
      await disable(stepId);
    });
  });
});
