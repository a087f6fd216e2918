/**
 * Bad input and failure answers of the Dataverse emulator (the table in emulators/README.md):
 * each gets the service's status and `{"error":{"code","message"}}` body, never a 500 with a
 * stack, and the server keeps serving. Also tokens (401 + WWW-Authenticate), the body limit (413)
 * and service protection (429 + Retry-After, from a fault profile and from real counting).
 */
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import { rawRequest, startTestEmulators } from '../harness/emulators';
import type { RawResponse, TestEmulators } from '../harness/emulators';

const API = '/api/data/v9.2';
let env: TestEmulators;
let dv: ReturnType<TestEmulators['fetchAs']>;

beforeAll(async () => {
  env = await startTestEmulators();
  dv = env.fetchAs('dataverse');
  const created = await dv(`${API}/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Existing', accountnumber: 'EX-1' }) });
  expect(created.status).toBe(204);
});
afterAll(async () => env?.close());

function errorOf(res: RawResponse): { code: string; message: string } {
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = res.json<{ error: { code: string; message: string } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body.error;
}

const json = { 'Content-Type': 'application/json' };

// [name, method, path, body, status, code, message pattern]
const cases: Array<[string, string, string, string | undefined, number, string, RegExp]> = [
  ['malformed JSON', 'POST', '/accounts', '{"name": ', 400, '0x80048d19', /Invalid JSON/],
  ['JSON that is not an object', 'POST', '/accounts', '[1,2]', 400, '0x80048d19', /must be a JSON object/],
  ['unknown entity set', 'GET', '/nosuchthings', undefined, 404, '0x80060888', /Resource not found for the segment 'nosuchthings'/],
  ['unknown column in $select', 'GET', '/accounts?$select=nosuchcolumn', undefined, 400, '0x80060888', /Could not find a property named 'nosuchcolumn' on type 'Microsoft.Dynamics.CRM.account'/],
  ['unknown column in $filter', 'GET', "/accounts?$filter=nosuchcolumn eq 'x'", undefined, 400, '0x80060888', /Could not find a property named 'nosuchcolumn'/],
  ['unknown column in $orderby', 'GET', '/accounts?$orderby=nosuchcolumn', undefined, 400, '0x80060888', /Could not find a property/],
  ['unknown column in a body', 'POST', '/accounts', '{"name":"x","nosuchcolumn":1}', 400, '0x80048d19', /The property 'nosuchcolumn' does not exist on type 'Microsoft.Dynamics.CRM.account'/],
  ['lookup value property in a body', 'POST', '/accounts', '{"name":"x","_parentaccountid_value":"00000000-0000-0000-0000-000000000001"}', 400, '0x80048d19', /Use Navigation properties instead/],
  ['wrong JSON type', 'POST', '/accounts', '{"name":42}', 400, '0x80048d19', /Cannot convert the literal '42' to the expected type 'Edm.String'/],
  ['string too long', 'POST', '/accounts', JSON.stringify({ name: 'x'.repeat(161) }), 400, '0x80044331', /exceeded the maximum allowed length of '160'/],
  ['option value out of range', 'POST', '/accounts', '{"name":"x","paymenttermscode":7}', 400, '0x8004431a', /outside the valid range. Accepted Values: 1,2,3,4/],
  ['bind to a missing row', 'POST', '/msdyn_projects', '{"msdyn_subject":"x","msdyn_customer_account@odata.bind":"/accounts(00000000-0000-0000-0000-000000000009)"}', 404, '0x80040217', /account With Id = 00000000-0000-0000-0000-000000000009 Does Not Exist/],
  ['bind to the wrong table', 'POST', '/msdyn_projects', '{"msdyn_subject":"x","msdyn_customer_account@odata.bind":"/systemusers(5a1f0c6e-0000-4000-8000-000000000001)"}', 400, '0x80048d19', /expects a reference to 'account'/],
  ['bad GUID in the key', 'GET', '/accounts(1234)', undefined, 400, '0x80060888', /'1234' is not a valid Guid/],
  ['key that is no alternate key', 'GET', "/accounts(name='x')", undefined, 400, '0x80060888', /The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'/],
  ['missing row', 'GET', '/accounts(00000000-0000-0000-0000-000000000001)', undefined, 404, '0x80040217', /account With Id = 00000000-0000-0000-0000-000000000001 Does Not Exist/],
  ['bad percent-encoding in the path', 'GET', "/accounts(accountnumber='A%ZZ')", undefined, 400, '0x80060888', /invalid percent-encoding/],
  ['bad percent-encoding in the query', 'GET', '/accounts?$filter=name%ZZ', undefined, 400, '0x80060888', /invalid percent-encoding/],
  ['$filter nested too deep', 'GET', `/accounts?$filter=${'('.repeat(300)}name eq 'x'${')'.repeat(300)}`, undefined, 400, '0x80060888', /nested deeper than 100 levels/],
  ['unknown column after a key', 'GET', '/accounts(00000000-0000-0000-0000-000000000001)/nosuchcolumn', undefined, 400, '0x80060888', /Could not find a property named 'nosuchcolumn'/],
  ['bad $filter syntax', 'GET', "/accounts?$filter=name eqq 'x'", undefined, 400, '0x80060888', /Syntax error/],
  ['unterminated literal', 'GET', "/accounts?$filter=name eq 'O'Bryan'", undefined, 400, '0x80060888', /Syntax error|unterminated literal/],
  ['incompatible literal type', 'GET', "/accounts?$filter=paymenttermscode eq 'x'", undefined, 400, '0x80060888', /incompatible types/],
  ['unknown query function', 'GET', "/accounts?$filter=Microsoft.Dynamics.CRM.NoSuchFn(PropertyName='name')", undefined, 400, '0x80060888', /unknown function/],
  ['$skip', 'GET', '/accounts?$skip=10', undefined, 400, '0x80060888', /The query parameter \$skip is not supported/],
  ['$search', 'GET', '/accounts?$search=x', undefined, 400, '0x80060888', /\$search is not supported/],
  ['$format', 'GET', '/accounts?$format=json', undefined, 400, '0x80060888', /\$format is not supported/],
  ['option name in the wrong case', 'GET', '/accounts?$SELECT=name', undefined, 400, '0x80060888', /case sensitive/],
  ['fetchXml (not emulated)', 'GET', `/accounts?fetchXml=${encodeURIComponent('<fetch><entity name="account"/></fetch>')}`, undefined, 501, '', /'fetchXml' query parameter .* is not implemented by the Dataverse emulator/],
  ['bad $top', 'GET', '/accounts?$top=-1', undefined, 400, '0x80060888', /\$top/],
  ['bad $skiptoken', 'GET', '/accounts?$skiptoken=abc', undefined, 400, '0x80060888', /not a valid paging cookie/],
  ['unknown navigation property in $expand', 'GET', '/accounts?$expand=nosuchnav', undefined, 400, '0x80060888', /Could not find a property named 'nosuchnav'/],
  ['$filter with track-changes', 'GET', "/accounts?$filter=name eq 'x'", undefined, 400, '0x80060888', /The "\$filter" query parameter isn't supported when Change Tracking is enabled/],
  ['PATCH on a collection', 'PATCH', '/accounts', '{}', 405, '0x80060888', /does not support http method 'PATCH'/],
  ['bulk action without namespace', 'POST', '/accounts/CreateMultiple', '{"Targets":[]}', 400, '0x80060891', /unresolved parameters/],
  ['unknown action', 'POST', '/NoSuchAction', '{}', 404, '0x80060888', /Resource not found for the segment 'NoSuchAction'/],
  ['duplicate alternate key on create', 'POST', '/accounts', '{"name":"Dup","accountnumber":"EX-1"}', 412, '0x80040237', /A record with matching key values already exists/],
  ['expired delta token', 'GET', '/accounts?$deltatoken=5!01/01/2020 00:00:00', undefined, 400, '0x80040203', /delta token is invalid or has expired/],
];

describe('bad input answers', () => {
  it.each(cases)('%s', async (name, method, path, body, status, code, message) => {
    const headers: Record<string, string> = { ...json };
    if (name === '$filter with track-changes') headers.Prefer = 'odata.track-changes';
    const res = await dv(`${API}${path.replace(/ /g, '%20')}`, { method, body, headers });
    expect(res.status).toBe(status);
    const error = errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('adds the CDS error-detail annotations when asked', async () => {
    const res = await dv(`${API}/accounts(00000000-0000-0000-0000-000000000001)`, { headers: { Prefer: 'odata.include-annotations="*"' } });
    expect(res.status).toBe(404);
    const body = res.json<{ error: Record<string, unknown> }>();
    expect(body.error['@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus']).toBe('0');
    expect(body.error['@Microsoft.PowerApps.CDS.HelpLink']).toMatch(/^http/);
  });

  it('conditional writes: If-Match * on a missing row is 404, If-None-Match * on an existing one 412', async () => {
    const missing = await dv(`${API}/accounts(accountnumber='NOPE-1')`, { method: 'PATCH', body: '{"name":"x"}', headers: { ...json, 'If-Match': '*' } });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('0x80040217');
    const present = await dv(`${API}/accounts(accountnumber='EX-1')`, { method: 'PATCH', body: '{"name":"x"}', headers: { ...json, 'If-None-Match': '*' } });
    expect(present.status).toBe(412);
    expect(errorOf(present).message).toBe('A record with matching key values already exists.');
    const stale = await dv(`${API}/accounts(accountnumber='EX-1')`, { method: 'DELETE', headers: { 'If-Match': 'W/"1"' } });
    expect(stale.status).toBe(412);
    expect(errorOf(stale).code).toBe('0x80060882');
  });

  it('accepts GET URLs up to 32,768 characters and answers 414 beyond', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `'N${String(i).padStart(6, '0')}'`).join(',');
    const long = `${API}/accounts?$select=name&$filter=${encodeURIComponent(`name in (${names(1800)})`)}`;
    expect(long.length).toBeGreaterThan(20000);
    expect(long.length).toBeLessThan(32768);
    expect((await dv(long)).status).toBe(200);
    const tooLong = `${API}/accounts?$select=name&$filter=${encodeURIComponent(`name in (${names(3000)})`)}`;
    const res = await dv(tooLong);
    expect(res.status).toBe(414);
    expect(errorOf(res).message).toMatch(/longer than 32768 characters/);
  });

  it('still serves after all of the above', async () => {
    const res = await dv(`${API}/accounts?$select=name&$filter=accountnumber eq 'EX-1'`.replace(/ /g, '%20'));
    expect(res.status).toBe(200);
    expect(res.json<{ value: unknown[] }>().value).toHaveLength(1);
  });
});

describe('tokens', () => {
  it('401 without a token, with the WWW-Authenticate challenge', async () => {
    const res = await rawRequest(`${env.urls.dataverse}${API}/accounts`);
    expect(res.status).toBe(401);
    expect(String(res.headers['www-authenticate'])).toMatch(/^Bearer authorization_uri=\S+, resource_id=/);
    expect(errorOf(res).message).toMatch(/Bearer token is required/);
  });

  it('401 for a token of another audience and for a forged token', async () => {
    const finopsToken = await env.token('finops');
    const wrong = await rawRequest(`${env.urls.dataverse}${API}/accounts`, { headers: { Authorization: `Bearer ${finopsToken}` } });
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong).message).toMatch(/audience/);
    const good = await env.token('dataverse');
    const [h, p] = good.split('.');
    const forged = await rawRequest(`${env.urls.dataverse}${API}/accounts`, { headers: { Authorization: `Bearer ${h}.${p}.AAAA` } });
    expect(forged.status).toBe(401);
  });
});

describe('service protection', () => {
  afterEach(async () => {
    await rawRequest(`${env.urls.dataverse}/_emulator/faults`, { method: 'PUT', headers: json, body: '[]' });
    await rawRequest(`${env.urls.dataverse}/_emulator/limits`, { method: 'PUT', headers: json, body: JSON.stringify({ requests: 6000, concurrent: 52 }) });
  });

  it('answers 429 with Retry-After and 0x80072322 when a fault rule asks', async () => {
    const put = await rawRequest(`${env.urls.dataverse}/_emulator/faults`, { method: 'PUT', headers: json, body: JSON.stringify([{ path: '/msdyn_projects', rate429: 1, retryAfterSeconds: 7 }]) });
    expect(put.status).toBe(200);
    const res = await dv(`${API}/msdyn_projects`);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(errorOf(res)).toEqual({ code: '0x80072322', message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.' });
    expect((await dv(`${API}/accounts?$top=1`)).status).toBe(200);
  });

  it('counts requests per user over the window', async () => {
    await dv(`${API}/WhoAmI`);
    const put = await rawRequest(`${env.urls.dataverse}/_emulator/limits`, { method: 'PUT', headers: json, body: JSON.stringify({ requests: 3 }) });
    expect(put.json<{ requests: number }>().requests).toBe(3);
    const statuses: number[] = [];
    let last: RawResponse | undefined;
    for (let i = 0; i < 3; i++) { last = await dv(`${API}/WhoAmI`); statuses.push(last.status); }
    expect(statuses).toContain(429);
    const limited = last as RawResponse;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(errorOf(limited).code).toBe('0x80072322');
  });

  it('refuses concurrent requests over the limit immediately with 0x80072326', async () => {
    await rawRequest(`${env.urls.dataverse}/_emulator/limits`, { method: 'PUT', headers: json, body: JSON.stringify({ concurrent: 1 }) });
    await rawRequest(`${env.urls.dataverse}/_emulator/faults`, { method: 'PUT', headers: json, body: JSON.stringify([{ path: '/WhoAmI', latencyMs: 1000 }]) });
    const results = await Promise.all([dv(`${API}/WhoAmI`), dv(`${API}/WhoAmI`)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 429]);
    expect(errorOf(results.find((r) => r.status === 429) as RawResponse)).toEqual({ code: '0x80072326', message: 'Number of concurrent requests exceeded the limit of 1.' });
  });
});

describe('body limit', () => {
  const small = new DataverseEmulator({ auth: allowAll, maxBodyBytes: 2048 });
  let url = '';
  beforeAll(async () => { url = (await small.start()).url; });
  afterAll(async () => small.close());

  it('answers 413 with the error body above the limit and keeps serving', async () => {
    const res = await rawRequest(`${url}${API}/accounts`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'x', description: 'y'.repeat(5000) }) });
    expect(res.status).toBe(413);
    expect(errorOf(res).message).toMatch(/larger than the maximum allowed size of 2048 bytes/);
    expect((await rawRequest(`${url}${API}/WhoAmI`)).status).toBe(200);
  });
});
