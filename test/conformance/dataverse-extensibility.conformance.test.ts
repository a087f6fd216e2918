/**
 * The extension points of the Dataverse emulator (emulators/dataverse/extensibility.ts) as the
 * platform layer uses them: unbound actions, the pre/post message pipeline from every entry point
 * (single requests, $batch changesets, UpsertMultiple) with rollback on a failing 'pre' handler,
 * custom routes, tables registered at run time; plus impersonation headers.
 */
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import type { MessageContext } from '../../emulators/dataverse/extensibility';
import { rawRequest } from '../harness/emulators';
import type { RawResponse } from '../harness/emulators';
import { buildBatch, readBatchResponse } from '../harness/dataverse';

const API = '/api/data/v9.2';
const json = { 'Content-Type': 'application/json' };
const dv = new DataverseEmulator({ auth: allowAll });
let url = '';
const pre: MessageContext[] = [];
const post: MessageContext[] = [];

const call = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> =>
  rawRequest(`${url}${path}`, { ...init, headers: { ...json, ...init.headers } });

beforeAll(async () => {
  dv.registerTable({
    logicalName: 'psafo_widget', entitySetName: 'psafo_widgets', primaryIdAttribute: 'psafo_widgetid', primaryNameAttribute: 'psafo_name',
    attributes: [{ name: 'psafo_name', type: 'string', maxLength: 50 }, { name: 'psafo_code', type: 'string', maxLength: 20 }, { name: 'psafo_count', type: 'integer' }],
    alternateKeys: [{ name: 'psafo_widget_code', attributes: ['psafo_code'] }],
    changeTracking: true,
  });
  dv.onMessage('pre', (ctx) => {
    if (ctx.entityLogicalName !== 'psafo_widget' && ctx.entityLogicalName !== '') return;
    pre.push(ctx);
    if (ctx.postImage?.psafo_name === 'forbidden') throw dv.errors.invalidArgument('Widgets may not be called forbidden.');
  });
  dv.onMessage('post', (ctx) => {
    if (ctx.entityLogicalName === 'psafo_widget' || ctx.entityLogicalName === '') post.push(ctx);
  });
  dv.registerAction('psafo_Echo', ({ body, caller }) => {
    if (body.Fail === true) throw dv.errors.invalidArgument('Echo was asked to fail.');
    if (body.Silent === true) return undefined;
    return { Echoed: body.Text, Caller: caller };
  });
  dv.registerRoute('GET', '/custom/:name/*', (req) => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: `${req.params.name}|${req.params['*']}|${req.query.q ?? ''}` }), { auth: false });
  url = (await dv.start()).url;
});
afterAll(async () => dv.close());
beforeEach(() => { pre.length = 0; post.length = 0; });

async function widgets(): Promise<string[]> {
  const res = await call(`${API}/psafo_widgets?$select=psafo_name&$orderby=psafo_name`);
  return res.json<{ value: Array<{ psafo_name: string }> }>().value.map((w) => w.psafo_name);
}

describe('registered tables', () => {
  it('appear in the service document and $metadata and take writes by alternate key', async () => {
    const doc = await call(`${API}/`);
    expect(doc.json<{ value: Array<{ name: string }> }>().value.map((v) => v.name)).toContain('psafo_widgets');
    expect((await call(`${API}/$metadata`)).text).toContain('<EntityType Name="psafo_widget"');
    expect((await call(`${API}/psafo_widgets(psafo_code='W-1')`, { method: 'PATCH', body: '{"psafo_name":"first"}' })).status).toBe(204);
    expect(() => dv.registerTable({ logicalName: 'account', entitySetName: 'accounts', primaryIdAttribute: 'accountid', attributes: [] })).toThrow(/built-in/);
  });
});

describe('message pipeline', () => {
  it("reports Create, Update and Delete with target and images; 'post' runs after the commit", async () => {
    const created = await call(`${API}/psafo_widgets`, { method: 'POST', body: '{"psafo_name":"alpha","psafo_count":1}', headers: { Prefer: 'return=representation' } });
    const id = created.json<{ psafo_widgetid: string }>().psafo_widgetid;
    await call(`${API}/psafo_widgets(${id})`, { method: 'PATCH', body: '{"psafo_count":2}' });
    await call(`${API}/psafo_widgets(${id})`, { method: 'DELETE' });
    expect(pre.map((m) => m.message)).toEqual(['Create', 'Update', 'Delete']);
    expect(pre[1]).toMatchObject({ entityLogicalName: 'psafo_widget', id, target: { psafo_count: 2, psafo_widgetid: id }, preImage: { psafo_count: 1 }, postImage: { psafo_count: 2, psafo_name: 'alpha' }, depth: 1 });
    expect(pre[1].caller).toMatch(/^[0-9a-f-]{36}$/);
    expect(pre[2].preImage).toMatchObject({ psafo_name: 'alpha' });
    await new Promise((r) => setImmediate(r));
    expect(post.map((m) => m.message)).toEqual(['Create', 'Update', 'Delete']);
  });

  it("a throwing 'pre' handler fails the request with its error and rolls the write back", async () => {
    const res = await call(`${API}/psafo_widgets`, { method: 'POST', body: '{"psafo_name":"forbidden"}' });
    expect(res.status).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toBe('Widgets may not be called forbidden.');
    expect(await widgets()).not.toContain('forbidden');
    await new Promise((r) => setImmediate(r));
    expect(post.filter((m) => m.postImage?.psafo_name === 'forbidden')).toEqual([]);
  });

  it('is skipped on MSCRM.BypassCustomPluginExecution / BypassBusinessLogicExecution', async () => {
    expect((await call(`${API}/psafo_widgets`, { method: 'POST', body: '{"psafo_name":"forbidden"}', headers: { 'MSCRM.BypassCustomPluginExecution': 'true' } })).status).toBe(204);
    expect((await call(`${API}/psafo_widgets`, { method: 'POST', body: '{"psafo_name":"async only"}', headers: { 'MSCRM.BypassBusinessLogicExecution': 'CustomSync' } })).status).toBe(204);
    expect(pre).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(post.map((m) => m.postImage?.psafo_name)).toEqual(['async only']);
    expect(await widgets()).toEqual(expect.arrayContaining(['forbidden', 'async only']));
    const rows = await call(`${API}/psafo_widgets?$select=psafo_widgetid&$filter=psafo_name eq 'forbidden' or psafo_name eq 'async only'`.replace(/ /g, '%20'));
    for (const r of rows.json<{ value: Array<{ psafo_widgetid: string }> }>().value) await call(`${API}/psafo_widgets(${r.psafo_widgetid})`, { method: 'DELETE' });
  });

  it('fires inside $batch changesets and rolls the whole changeset back', async () => {
    const { body, contentType } = buildBatch([{ changeset: [
      { method: 'POST', url: `${API}/psafo_widgets`, contentId: '1', body: { psafo_name: 'in-changeset' } },
      { method: 'PATCH', url: '$1', contentId: '2', body: { psafo_name: 'forbidden' } },
    ] }]);
    const res = await call(`${API}/$batch`, { method: 'POST', body, headers: { 'Content-Type': contentType } });
    expect(res.status).toBe(400);
    expect(readBatchResponse(String(res.headers['content-type']), res.text)[0].status).toBe(400);
    expect(pre.map((m) => m.message)).toEqual(['Create', 'Update']);
    expect(await widgets()).not.toContain('in-changeset');
  });

  it('fires per target of UpsertMultiple, reporting Create or Update, all or nothing', async () => {
    const targets = (names: string[]) => names.map((n, i) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.psafo_widget', '@odata.id': `psafo_widgets(psafo_code='U-${i}')`, psafo_name: n }));
    const ok = await call(`${API}/psafo_widgets/Microsoft.Dynamics.CRM.UpsertMultiple`, { method: 'POST', body: JSON.stringify({ Targets: targets(['u0', 'u1']) }) });
    expect(ok.status).toBe(204);
    const again = await call(`${API}/psafo_widgets/Microsoft.Dynamics.CRM.UpsertMultiple`, { method: 'POST', body: JSON.stringify({ Targets: targets(['u0b', 'forbidden']) }) });
    expect(again.status).toBe(400);
    expect(pre.map((m) => m.message)).toEqual(['Create', 'Create', 'Update', 'Update']);
    expect(await widgets()).toEqual(expect.arrayContaining(['u0', 'u1']));
    expect(await widgets()).not.toContain('u0b');
  });
});

describe('registered actions', () => {
  it('answer 200 with the response properties, 204 without, and the thrown error', async () => {
    const res = await call(`${API}/psafo_Echo`, { method: 'POST', body: '{"Text":"hi"}' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ '@odata.context': `${url}${API}/$metadata#Microsoft.Dynamics.CRM.psafo_EchoResponse`, Echoed: 'hi', Caller: expect.any(String) });
    expect((await call(`${API}/psafo_Echo`, { method: 'POST', body: '{"Silent":true}' })).status).toBe(204);
    const failed = await call(`${API}/psafo_Echo`, { method: 'POST', body: '{"Fail":true}' });
    expect(failed.status).toBe(400);
    expect(failed.json<{ error: { code: string; message: string } }>().error).toEqual({ code: '0x80040203', message: 'Echo was asked to fail.' });
    expect(pre.map((m) => m.message)).toEqual(['psafo_Echo', 'psafo_Echo']);
    expect(pre[0].target).toEqual({ Text: 'hi' });
    expect((await call(`${API}/$metadata`)).text).toContain('<ActionImport Name="psafo_Echo"');
  });

  it('run inside $batch too', async () => {
    const { body, contentType } = buildBatch([{ method: 'POST', url: `${API}/psafo_Echo`, body: { Text: 'batched' } }]);
    const res = await call(`${API}/$batch`, { method: 'POST', body, headers: { 'Content-Type': contentType } });
    const [part] = readBatchResponse(String(res.headers['content-type']), res.text);
    expect(part.status).toBe(200);
    expect(JSON.parse(part.body).Echoed).toBe('batched');
  });
});

describe('custom routes and impersonation', () => {
  it('serves a registered non-OData route with params and query', async () => {
    const res = await rawRequest(`${url}/custom/one/two/three.js?q=4`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('one|two/three.js|4');
  });

  it('MSCRMCallerID runs the request as another user; an unknown user is refused', async () => {
    const user = await call(`${API}/systemusers`, { method: 'POST', body: '{"fullname":"Pat Doe"}', headers: { Prefer: 'return=representation' } });
    const userId = user.json<{ systemuserid: string }>().systemuserid;
    const who = await call(`${API}/WhoAmI`, { headers: { MSCRMCallerID: userId } });
    expect(who.json<{ UserId: string }>().UserId).toBe(userId);
    const created = await call(`${API}/psafo_widgets?$select=_createdby_value`, { method: 'POST', body: '{"psafo_name":"as pat"}', headers: { MSCRMCallerID: userId, Prefer: 'return=representation' } });
    expect(created.json<{ _createdby_value: string }>()._createdby_value).toBe(userId);
    const unknown = await call(`${API}/WhoAmI`, { headers: { MSCRMCallerID: '00000000-0000-0000-0000-00000000abcd' } });
    expect(unknown.status).toBe(404);
  });
});
