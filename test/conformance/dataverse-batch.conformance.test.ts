/**
 * Raw-HTTP conformance of the Dataverse emulator's `$batch` (PAD execute-batch-operations-using-web-api.md):
 * multipart framing and response boundaries, changesets with Content-ID references, atomic
 * rollback, stop-on-first-error vs `Prefer: odata.continue-on-error`, GET refused in a changeset,
 * the 1000-request limit, and the bulk messages CreateMultiple / UpsertMultiple / UpdateMultiple.
 */
import { startTestEmulators } from '../harness/emulators';
import type { RawResponse, TestEmulators } from '../harness/emulators';
import { buildBatch, readBatchResponse } from '../harness/dataverse';
import type { BatchItem } from '../harness/dataverse';

const API = '/api/data/v9.2';
let env: TestEmulators;
let dv: ReturnType<TestEmulators['fetchAs']>;

beforeAll(async () => {
  env = await startTestEmulators();
  dv = env.fetchAs('dataverse');
});
afterAll(async () => env?.close());

async function postBatch(items: BatchItem[], headers: Record<string, string> = {}): Promise<RawResponse> {
  const { body, contentType } = buildBatch(items);
  return dv(`${API}/$batch`, { method: 'POST', body, headers: { 'Content-Type': contentType, 'OData-Version': '4.0', ...headers } });
}

async function rows(set: string, filter: string): Promise<Array<Record<string, unknown>>> {
  const res = await dv(`${API}/${set}?$filter=${encodeURIComponent(filter)}`);
  expect(res.status).toBe(200);
  return res.json<{ value: Array<Record<string, unknown>> }>().value;
}

describe('$batch framing', () => {
  it('answers batchresponse_/changesetresponse_ boundaries, Content-ID per part and $n references', async () => {
    const res = await postBatch([
      { changeset: [
        { method: 'POST', url: `${API}/accounts`, contentId: '1', body: { name: 'Woodgrove', accountnumber: 'WB-1' } },
        { method: 'POST', url: `${API}/msdyn_projects`, contentId: '2', body: { msdyn_subject: 'Woodgrove rollout', 'msdyn_customer_account@odata.bind': '$1' } },
        { method: 'PATCH', url: '$1', contentId: '3', body: { telephone1: '555-0199' } },
      ] },
      { method: 'GET', url: `${API}/accounts?$select=telephone1&$filter=accountnumber eq 'WB-1'` },
    ]);
    expect(res.status).toBe(200);
    const contentType = String(res.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/mixed; boundary=batchresponse_[0-9a-f-]{36}$/);
    expect(res.text).toMatch(/Content-Type: multipart\/mixed; boundary=changesetresponse_[0-9a-f-]{36}\r\n/);
    const parts = readBatchResponse(contentType, res.text);
    expect(parts.map((p) => [p.status, p.contentId])).toEqual([[204, '1'], [204, '2'], [204, '3'], [200, undefined]]);
    expect(parts.slice(0, 3).every((p) => p.changeset?.startsWith('changesetresponse_'))).toBe(true);
    expect(parts[0].headers['odata-entityid']).toMatch(new RegExp(`${API.replace(/\//g, '\\/')}/accounts\\([0-9a-f-]{36}\\)$`));
    const accountId = /\(([0-9a-f-]{36})\)/.exec(parts[0].headers['odata-entityid'])?.[1];
    expect(JSON.parse(parts[3].body).value).toEqual([expect.objectContaining({ telephone1: '555-0199', accountid: accountId })]);
    const projects = await rows('msdyn_projects', "msdyn_subject eq 'Woodgrove rollout'");
    expect(projects[0]._msdyn_customer_value).toBe(accountId);
  });

  it('resolves $n of a create answered 201 (return=representation) through its Location', async () => {
    const res = await postBatch([{ changeset: [
      { method: 'POST', url: `${API}/accounts`, contentId: '1', headers: { Prefer: 'return=representation' }, body: { name: 'Rep', accountnumber: 'RP-1' } },
      { method: 'PATCH', url: '$1', contentId: '2', body: { telephone1: '555-0142' } },
    ] }]);
    const parts = readBatchResponse(String(res.headers['content-type']), res.text);
    expect(parts.map((p) => p.status)).toEqual([201, 204]);
    expect(parts[0].headers.location).toMatch(/\/accounts\([0-9a-f-]{36}\)$/);
    expect(parts[0].headers['odata-entityid']).toBeUndefined();
    expect((await rows('accounts', "accountnumber eq 'RP-1'"))[0].telephone1).toBe('555-0142');
  });

  it('rolls the whole changeset back and, by default, stops with the failing status and part', async () => {
    const res = await postBatch([
      { method: 'POST', url: `${API}/accounts`, body: { name: 'Before', accountnumber: 'RB-0' } },
      { changeset: [
        { method: 'POST', url: `${API}/accounts`, contentId: '1', body: { name: 'Inside', accountnumber: 'RB-1' } },
        { method: 'POST', url: `${API}/accounts`, contentId: '2', body: { name: 'x'.repeat(161), accountnumber: 'RB-2' } },
      ] },
      { method: 'POST', url: `${API}/accounts`, body: { name: 'After', accountnumber: 'RB-3' } },
    ]);
    expect(res.status).toBe(400);
    const parts = readBatchResponse(String(res.headers['content-type']), res.text);
    expect(parts).toHaveLength(1);
    expect(parts[0].status).toBe(400);
    expect(parts[0].headers.req_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(parts[0].body)).toEqual({ error: { code: '0x80044331', message: expect.stringContaining("The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '160'") } });
    const after = (await rows('accounts', "startswith(accountnumber,'RB-')")).map((r) => r.accountnumber);
    expect(after).toEqual(['RB-0']);
  });

  it('with odata.continue-on-error answers 200 and runs every part', async () => {
    const res = await postBatch([
      { method: 'POST', url: `${API}/accounts`, body: { name: 'One', accountnumber: 'CE-1' } },
      { method: 'POST', url: `${API}/accounts`, body: { name: 'Bad', nosuchcolumn: true } },
      { method: 'POST', url: 'accounts', body: { name: 'Three', accountnumber: 'CE-3' } },
    ], { Prefer: 'odata.continue-on-error' });
    expect(res.status).toBe(200);
    expect(res.headers['preference-applied']).toBe('odata.continue-on-error');
    const parts = readBatchResponse(String(res.headers['content-type']), res.text);
    expect(parts.map((p) => p.status)).toEqual([204, 400, 204]);
    expect(JSON.parse(parts[1].body).error.code).toBe('0x80048d19');
    expect((await rows('accounts', "startswith(accountnumber,'CE-')")).map((r) => r.accountnumber).sort()).toEqual(['CE-1', 'CE-3']);
  });

  it('refuses GET inside a changeset and undeclared Content-ID references', async () => {
    const get = await postBatch([{ changeset: [{ method: 'GET', url: `${API}/accounts` }] }]);
    expect(get.status).toBe(400);
    const ref = await postBatch([{ changeset: [{ method: 'PATCH', url: '$7', body: { name: 'x' } }] }]);
    expect(ref.status).toBe(400);
    const part = readBatchResponse(String(ref.headers['content-type']), ref.text)[0];
    expect(JSON.parse(part.body).error.message).toBe("Content-ID Reference: '$7' does not exist in the batch context.");
  });

  it('enforces the 1000-request limit and a multipart Content-Type', async () => {
    const many = Array.from({ length: 1001 }, () => ({ method: 'GET', url: `${API}/WhoAmI` }));
    const res = await postBatch(many);
    expect(res.status).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/limit of 1000/);
    const plain = await dv(`${API}/$batch`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(plain.status).toBe(400);
    expect(plain.json<{ error: { message: string } }>().error.message).toMatch(/multipart\/mixed/);
    const open = await dv(`${API}/$batch`, { method: 'POST', body: '--b\r\nContent-Type: application/http\r\n\r\nGET /api/data/v9.2/WhoAmI HTTP/1.1\r\n\r\n', headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
    expect(open.status).toBe(400);
    expect(open.json<{ error: { message: string } }>().error.message).toMatch(/closing boundary/);
  });
});

describe('bulk messages', () => {
  const type = 'Microsoft.Dynamics.CRM.account';

  it('CreateMultiple answers 200 with the Ids', async () => {
    const res = await dv(`${API}/accounts/Microsoft.Dynamics.CRM.CreateMultiple`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Targets: [1, 2, 3].map((i) => ({ '@odata.type': type, name: `Bulk ${i}`, accountnumber: `BK-${i}` })) }),
    });
    expect(res.status).toBe(200);
    const body = res.json<{ '@odata.context': string; Ids: string[] }>();
    expect(body['@odata.context']).toMatch(/\$metadata#Microsoft\.Dynamics\.CRM\.CreateMultipleResponse$/);
    expect(body.Ids).toHaveLength(3);
  });

  it('UpsertMultiple matches @odata.id alternate keys, answers 204, and is one transaction', async () => {
    const targets = (names: string[]) => names.map((n) => ({ '@odata.type': type, name: `Upserted ${n}`, '@odata.id': `accounts(accountnumber='${n}')` }));
    const first = await dv(`${API}/accounts/Microsoft.Dynamics.CRM.UpsertMultiple`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Targets: targets(['BK-1', 'UM-1']) }),
    });
    expect(first.status).toBe(204);
    expect((await rows('accounts', "accountnumber eq 'BK-1' or accountnumber eq 'UM-1'")).map((r) => r.name).sort()).toEqual(['Upserted BK-1', 'Upserted UM-1']);
    const failing = await dv(`${API}/accounts/Microsoft.Dynamics.CRM.UpsertMultiple`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Targets: [...targets(['UM-2']), { '@odata.type': type, name: 'no', paymenttermscode: 99 }] }),
    });
    expect(failing.status).toBe(400);
    expect(failing.json<{ error: { code: string } }>().error.code).toBe('0x8004431a');
    expect(await rows('accounts', "accountnumber eq 'UM-2'")).toEqual([]);
  });

  it('requires @odata.type on every target', async () => {
    const res = await dv(`${API}/accounts/Microsoft.Dynamics.CRM.UpdateMultiple`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Targets: [{ name: 'x' }] }),
    });
    expect(res.status).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/@odata\.type/);
  });
});
