import fc from 'fast-check';
import { startFinOps, type FinOpsHarness } from '../harness/finops';

// Generous: CI runs every tier at once on 2 shared cores.
jest.setTimeout(60_000);

/**
 * Bad input never produces a 500 with a stack nor takes the server down: each case gets F&O's status and
 * error shape (the table in emulators/README.md, section F&O).
 */
type ErrorBody = { error: { code: string; message: string; innererror: { message: string; type: string; stacktrace: string } } };

interface Case {
  name: string;
  path: string;
  method?: string;
  body?: string;
  contentType?: string;
  status: number;
  inner: RegExp;
}

const J = 'application/json';
const CASES: Case[] = [
  { name: 'malformed JSON', path: '/data/CustomersV3', method: 'POST', body: '{"CustomerAccount": ', contentType: J, status: 400, inner: /^The request body is not valid JSON/ },
  { name: 'JSON that is not an object', path: '/data/CustomersV3', method: 'POST', body: '[1,2]', contentType: J, status: 400, inner: /must be a JSON object/ },
  { name: 'empty body', path: '/data/CustomersV3', method: 'POST', body: '', contentType: J, status: 400, inner: /body is empty/ },
  { name: 'non-JSON content type', path: '/data/CustomersV3', method: 'POST', body: 'a=b', contentType: 'application/x-www-form-urlencoded', status: 415, inner: /not supported/ },
  { name: 'unknown entity set', path: '/data/ProjectsV9', status: 404, inner: /^Resource not found for the segment 'ProjectsV9'\.$/ },
  { name: 'entity set with wrong case', path: '/data/customersv3', status: 404, inner: /segment 'customersv3'/ },
  { name: 'unknown path below an entity', path: "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='X')/Foo/Bar", status: 404, inner: /No HTTP resource was found/ },
  { name: 'unknown field in the body', path: '/data/CustomersV3', method: 'POST', body: '{"CustomerAccount":"X","Nope":1}', contentType: J, status: 400, inner: /^The property 'Nope' does not exist on type 'Microsoft\.Dynamics\.DataEntities\.CustomerV3'/ },
  { name: 'wrong value type', path: '/data/CustomersV3', method: 'POST', body: '{"CustomerAccount":42}', contentType: J, status: 400, inner: /Cannot convert the literal '42' to the expected type 'Edm\.String'/ },
  { name: 'invalid enum member', path: '/data/CustomersV3', method: 'POST', body: '{"CustomerAccount":"X","PartyType":"Robot"}', contentType: J, status: 400, inner: /not a valid member of enum type 'Microsoft\.Dynamics\.DataEntities\.DirPartyType'/ },
  { name: 'invalid date', path: '/data/ProjCDSProjects', method: 'POST', body: '{"ProjectID":"P","StartDate":"yesterday"}', contentType: J, status: 400, inner: /Edm\.DateTimeOffset/ },
  { name: 'unknown field in $select', path: '/data/CustomersV3?$select=Nope', status: 400, inner: /^Could not find a property named 'Nope' on type 'Microsoft\.Dynamics\.DataEntities\.CustomerV3'\.$/ },
  { name: 'unknown field in $filter', path: "/data/CustomersV3?$filter=Nope eq 'x'", status: 400, inner: /Could not find a property named 'Nope'/ },
  { name: 'unknown field in $orderby', path: '/data/CustomersV3?$orderby=Nope desc', status: 400, inner: /Could not find a property named 'Nope'/ },
  { name: 'unknown navigation in $expand', path: '/data/CustomersV3?$expand=Orders', status: 400, inner: /Could not find a property named 'Orders'/ },
  { name: 'bad $filter syntax', path: "/data/CustomersV3?$filter=CustomerAccount eq 'x' and", status: 400, inner: /^The query specified in the URI is not valid\. Syntax error at position \d+ in 'CustomerAccount eq 'x' and'\.$/ },
  { name: 'unterminated string in $filter', path: "/data/CustomersV3?$filter=CustomerAccount eq 'x", status: 400, inner: /Syntax error at position 19/ },
  { name: 'unsupported function in $filter', path: "/data/CustomersV3?$filter=contains(CustomerAccount,'x')", status: 400, inner: /Syntax error/ },
  { name: 'unsupported operator in $filter', path: "/data/CustomersV3?$filter=CustomerAccount in ('x')", status: 400, inner: /Syntax error/ },
  { name: 'enum literal of another type', path: "/data/CustomersV3?$filter=PartyType eq Microsoft.Dynamics.DataEntities.NoYes'Yes'", status: 400, inner: /incompatible types/ },
  { name: 'gt on an enum', path: "/data/CustomersV3?$filter=PartyType gt Microsoft.Dynamics.DataEntities.DirPartyType'None'", status: 400, inner: /only the eq and ne operators/ },
  { name: 'unsupported query option', path: '/data/CustomersV3?$search=x', status: 400, inner: /^The query parameter '\$search' is not supported\.$/ },
  { name: 'negative $top', path: '/data/CustomersV3?$top=-1', status: 400, inner: /non-negative integer/ },
  { name: 'bad key syntax', path: "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='X)", status: 400, inner: /Error in query syntax/ },
  { name: 'unknown key property', path: "/data/CustomersV3(dataAreaId='usmf',AccountNum='X')", status: 400, inner: /The key in the request URI is not valid for resource 'Microsoft\.Dynamics\.DataEntities\.CustomerV3'/ },
  { name: 'missing key part', path: "/data/CustomersV3('X')", status: 400, inner: /^Only 1 of 2 keys provided for lookup, provide keys for dataAreaId, CustomerAccount$/ },
  { name: 'DELETE on a collection', path: '/data/CustomersV3', method: 'DELETE', status: 405, inner: /does not support http method 'DELETE'/ },
  { name: 'POST to parameters (update-only)', path: '/data/ProjCDSIntegrationParameters', method: 'POST', body: '{"dataAreaId":"usmf"}', contentType: J, status: 405, inner: /does not support http method 'POST'/ },
  { name: 'bad percent-encoding', path: '/data/CustomersV3%E0%A4%A', status: 400, inner: /The request URI is not valid/ },
];

describe('F&O emulator: bad input', () => {
  let fo: FinOpsHarness;
  beforeAll(async () => {
    fo = await startFinOps();
  });
  afterAll(() => fo.close());

  it.each(CASES)('$name → $status with the F&O error body', async (c) => {
    const res = await fo.call(c.path, { method: c.method ?? 'GET', body: c.body, headers: c.contentType ? { 'Content-Type': c.contentType } : {} });
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json; odata\.metadata=minimal/);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('');
    expect(body.error.message).toBe('An error has occurred.');
    expect(body.error.innererror.stacktrace).toBe('');
    expect(body.error.innererror.message).toMatch(c.inner);
  });

  it('answers a request without, with a garbage, an expired or a wrong-audience token with 401 and an empty body', async () => {
    const answers = [
      await fo.call('/data/CustomersV3', { auth: false }),
      await fo.call('/data/CustomersV3', { auth: false, headers: { Authorization: 'Bearer not.a.jwt' } }),
      await fo.call('/data/CustomersV3', { auth: { expiresInSeconds: -120 } }),
      await fo.call('/data/CustomersV3', { auth: { audience: 'https://contoso.operations.dynamics.com' } }),
      await fo.call('/data/$batch', { method: 'POST', body: 'x', auth: false, headers: { 'Content-Type': 'multipart/mixed; boundary=b' } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).toBe('');
    }
    expect((await fo.call('/data/CustomersV3', { auth: { audience: `${fo.url}/` } })).status).toBe(200);
  });

  it('answers 429 with Retry-After and the F&O throttling message when a fault rule asks, then recovers', async () => {
    const put = await fetch(`${fo.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify([{ path: '/data/CustomersV3', rate429: 1, retryAfterSeconds: 7 }]) });
    expect(put.status).toBe(200);
    const res = await fo.call('/data/CustomersV3');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ error: { code: '', message: 'Number of requests exeeded the limit of 6000 over the time window of 300 seconds.' } });
    expect((await fo.call('/data/LegalEntities')).status).toBe(200);
    await fetch(`${fo.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify([{ method: 'POST', path: '$batch', rate503: 1 }]) });
    const unavailable = await fo.call('/data/$batch', { method: 'POST', body: 'x' });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    await fetch(`${fo.url}/_emulator/faults`, { method: 'PUT', body: '[]' });
    expect((await fo.call('/data/CustomersV3')).status).toBe(200);
    const badRule = await fetch(`${fo.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify([{ rate429: 2 }]) });
    expect(badRule.status).toBe(400);
  });

  it('counts requests by method and path', async () => {
    await fetch(`${fo.url}/_emulator/requests`, { method: 'DELETE' });
    await fo.call('/data/LegalEntities');
    await fo.call("/data/LegalEntities?$filter=LegalEntityId eq 'USMF'");
    const snap = (await (await fetch(`${fo.url}/_emulator/requests`)).json()) as { total: number; byRoute: Record<string, number> };
    expect(snap.total).toBe(2);
    expect(snap.byRoute['GET /data/LegalEntities']).toBe(2);
  });

  it('never answers 5xx to generated $filter expressions, keys and bodies', async () => {
    const token = fc.constantFrom('CustomerAccount', 'CreditLimit', 'PartyType', 'Nope', 'eq', 'ne', 'gt', 'and', 'or', 'not', '(', ')', "'x'", "'*a*'", '1', '-2.5', 'null', 'true', "Microsoft.Dynamics.DataEntities.DirPartyType'None'", '2026-01-01T00:00:00Z', ',', "'", 'contains(');
    const filters = fc.oneof(fc.array(token, { maxLength: 8 }).map((t) => t.join(' ')), fc.string({ maxLength: 30 }));
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const res = await fo.call(`/data/CustomersV3?$top=1&$filter=${encodeURIComponent(filter)}`);
        expect([200, 400]).toContain(res.status);
        if (res.status === 400) expect(((await res.json()) as ErrorBody).error.innererror.message.length).toBeGreaterThan(0);
        else await res.arrayBuffer();
      }),
      { numRuns: 150, seed: 20261128 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (key) => {
        const res = await fo.call(`/data/CustomersV3(${encodeURIComponent(key)})`);
        expect([200, 400, 404]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 100, seed: 7 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 2 }), async (body) => {
        const res = await fo.call('/data/ProjCDSProjects', { body: JSON.stringify(body) });
        expect(res.status).toBeLessThan(500);
        await res.arrayBuffer();
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('answers bad admin input with {"error":{"code","message"}} and resets to the baseline', async () => {
    const admin = (path: string, body?: string) => fetch(`${fo.url}/_emulator/${path}`, { method: 'POST', body });
    const unknown = await admin('seed', JSON.stringify({ dataset: 'demo' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('SEED_UNAVAILABLE');
    const malformed = await admin('import-staging', '{"dataAreaId":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const wrongType = await admin('post-journal', JSON.stringify({ dataAreaId: 5 }));
    expect(await wrongType.json()).toEqual({ error: { code: 'EmulatorAdminInvalid', message: 'dataAreaId must be a string.' } });
    expect((await fo.call('/data/CustomersV3', { body: { CustomerAccount: 'RESET-ME', CustomerGroupId: '10' } })).status).toBe(201);
    expect((await admin('reset')).status).toBe(204);
    expect((await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='RESET-ME')")).status).toBe(404);
    expect((await fo.call('/data/LegalEntities')).status).toBe(200);
  });

  it('still serves after all of the above', async () => {
    expect((await fo.call('/data/')).status).toBe(200);
  });
});

describe('F&O emulator: oversized bodies', () => {
  let fo: FinOpsHarness;
  beforeAll(async () => {
    fo = await startFinOps({ bodyLimitBytes: 64 * 1024 });
  });
  afterAll(() => fo.close());

  it('answers a body over the limit with 413 and the F&O error shape', async () => {
    const big = JSON.stringify({ CustomerAccount: 'BIG', OrganizationName: 'x'.repeat(70 * 1024) });
    const res = await fo.call('/data/CustomersV3', { body: big });
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.innererror.message).toMatch(/exceeds the maximum of 65536 bytes/);
    expect((await fo.call('/data/CustomersV3', { body: { CustomerAccount: 'SMALL', CustomerGroupId: '10' } })).status).toBe(201);
  });
});
