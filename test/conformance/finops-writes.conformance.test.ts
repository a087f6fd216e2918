import { buildBatch, parseBatchResponse, startFinOps, type FinOpsHarness } from '../harness/finops';

// Generous: CI runs every tier at once on 2 shared cores.
jest.setTimeout(60_000);

/** F&O OData writes: create/update/delete answers, no upsert, ETags, and $batch with atomic changesets. */
type ErrorBody = { error: { code: string; message: string; innererror: { message: string; type: string; stacktrace: string } } };

const customer = (account: string, extra: Record<string, unknown> = {}) => ({ CustomerAccount: account, OrganizationName: `Org ${account}`, CustomerGroupId: '10', ...extra });

describe('F&O emulator: writes', () => {
  let fo: FinOpsHarness;
  beforeAll(async () => {
    fo = await startFinOps();
  });
  afterAll(() => fo.close());

  it('creates with POST: 201, the entity with defaults, Location and ETag; dataAreaId defaults to usmf', async () => {
    const res = await fo.call('/data/CustomersV3', { body: { '@odata.type': '#Microsoft.Dynamics.DataEntities.CustomerV3', ...customer('W-1') } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${fo.url}/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')`);
    expect(res.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9+/=]+"$/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ dataAreaId: 'usmf', CustomerAccount: 'W-1', PaymentTerms: '', CreditLimit: 0, PartyType: 'None' });
    expect(body['@odata.etag']).toBe(res.headers.get('etag'));
  });

  it('answers a POST of an existing key with the documented 500 duplicate error (no upsert)', async () => {
    const res = await fo.call('/data/CustomersV3', { body: customer('w-1', { OrganizationName: 'Changed' }) });
    expect(res.status).toBe(500);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('');
    expect(body.error.message).toBe('An error has occurred.');
    expect(body.error.innererror.type).toBe('Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException');
    expect(body.error.innererror.message).toMatch(/^Write failed for table row of type 'CustomerV3Entity'\. Infolog: Info: Cannot create a record in Customers .*The record already exists\.\.$/);
    const row = (await (await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')")).json()) as Record<string, unknown>;
    expect(row.OrganizationName).toBe('Org W-1');
  });

  it('updates with PATCH: 204, the change is visible, the ETag changes', async () => {
    const before = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')");
    const res = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')", { method: 'PATCH', body: { OrganizationName: 'Renamed', CreditLimit: 5000 } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const after = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')");
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(await after.json()).toMatchObject({ OrganizationName: 'Renamed', CreditLimit: 5000 });
  });

  it('answers PATCH of a missing key with 400 "No resources were found when selecting for update." (no upsert)', async () => {
    const res = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='NOPE')", { method: 'PATCH', body: { OrganizationName: 'x' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.innererror.message).toBe('No resources were found when selecting for update.');
    expect((await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='NOPE')")).status).toBe(404);
  });

  it('rejects a PATCH that changes a key field', async () => {
    const res = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')", { method: 'PATCH', body: { CustomerAccount: 'W-2' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.innererror.message).toMatch(/key field 'CustomerAccount' cannot be changed/);
  });

  it('honours If-Match: a stale ETag answers 412, the current one and * succeed', async () => {
    const path = "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='W-1')";
    const etag = (await fo.call(path)).headers.get('etag') ?? '';
    expect((await fo.call(path, { method: 'PATCH', body: { CreditLimit: 1 }, headers: { 'If-Match': etag } })).status).toBe(204);
    expect((await fo.call(path, { method: 'PATCH', body: { CreditLimit: 2 }, headers: { 'If-Match': etag } })).status).toBe(412);
    expect((await fo.call(path, { method: 'PATCH', body: { CreditLimit: 3 }, headers: { 'If-Match': '*' } })).status).toBe(204);
  });

  it('deletes: 204, then the key is gone and a second DELETE answers the not-found 400', async () => {
    expect((await fo.call('/data/CustomersV3', { body: customer('DEL-1') })).status).toBe(201);
    const path = "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='DEL-1')";
    expect((await fo.call(path, { method: 'DELETE' })).status).toBe(204);
    expect((await fo.call(path)).status).toBe(404);
    const again = await fo.call(path, { method: 'DELETE' });
    expect(again.status).toBe(400);
    expect(((await again.json()) as ErrorBody).error.innererror.message).toBe('No resources were found when selecting for update.');
  });

  it('writes to another company through dataAreaId in the body and the key', async () => {
    expect((await fo.call('/data/CustomersV3', { body: customer('SI-1', { dataAreaId: 'USSI' }) })).status).toBe(201);
    const patch = await fo.call("/data/CustomersV3(dataAreaId='ussi',CustomerAccount='SI-1')", { method: 'PATCH', body: { OrganizationName: 'SI renamed' } });
    expect(patch.status).toBe(204);
    const res = await fo.call("/data/CustomersV3?cross-company=true&$filter=CustomerAccount eq 'SI-1'");
    expect(((await res.json()) as { value: Array<Record<string, unknown>> }).value).toEqual([expect.objectContaining({ dataAreaId: 'ussi', OrganizationName: 'SI renamed' })]);
  });

  it('refuses writes to read-only reference data', async () => {
    const res = await fo.call('/data/Currencies', { body: { CurrencyCode: 'XXX', Name: 'x' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.innererror.message).toMatch(/read-only/);
  });

  describe('$batch', () => {
    it('runs changesets atomically and answers 200 even when a changeset fails', async () => {
      const root = `${fo.url}/data`;
      const { body, contentType } = buildBatch(root, [
        [{ method: 'POST', path: 'CustomersV3', body: customer('B-1') }],
        [
          { method: 'POST', path: 'CustomersV3', body: customer('B-2') },
          { method: 'POST', path: 'CustomersV3', body: customer('B-3', { CustomerGroupId: 'NOPE' }) },
        ],
        [{ method: 'PATCH', path: "CustomersV3(dataAreaId='usmf',CustomerAccount='B-1')", body: { OrganizationName: 'B-1 patched' } }],
        { method: 'GET', path: "CustomersV3(dataAreaId='usmf',CustomerAccount='B-1')" },
      ]);
      const res = await fo.call('/data/$batch', { method: 'POST', body, headers: { 'Content-Type': contentType } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
      const text = await res.text();
      expect(text).toContain('changesetresponse_');
      const parts = parseBatchResponse(text);
      expect(parts.map((p) => p.status)).toEqual([201, 400, 204, 200]);
      expect(parts[1].contentId).toBe('3');
      expect((parts[1].body as ErrorBody).error.innererror.message).toMatch(/The value 'NOPE' in field 'Customer group' is not found in the related table 'Customer groups'/);
      expect((parts[3].body as Record<string, unknown>).OrganizationName).toBe('B-1 patched');
      // B-2 was rolled back with its changeset
      expect((await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='B-2')")).status).toBe(404);
    });

    it('resolves $<Content-ID> references inside a changeset', async () => {
      const root = `${fo.url}/data`;
      const { body, contentType } = buildBatch(root, [[
        { method: 'POST', path: 'CustomersV3', body: customer('REF-1') },
        { method: 'PATCH', path: '$1', body: { OrganizationName: 'Referenced' } },
      ]]);
      const fixed = body.replace(`PATCH ${root}/$1`, 'PATCH $1');
      const res = await fo.call('/data/$batch', { method: 'POST', body: fixed, headers: { 'Content-Type': contentType } });
      expect(parseBatchResponse(await res.text()).map((p) => p.status)).toEqual([201, 204]);
      expect(await (await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='REF-1')")).json()).toMatchObject({ OrganizationName: 'Referenced' });
    });

    it('accepts 5,000 operations and refuses 5,001', async () => {
      const root = `${fo.url}/data`;
      const ops = Array.from({ length: 5000 }, (_, i) => [{ method: 'POST', path: 'CustomersV3', body: customer(`BULK-${i}`) }]);
      const ok = buildBatch(root, ops);
      const res = await fo.call('/data/$batch', { method: 'POST', body: ok.body, headers: { 'Content-Type': ok.contentType } });
      expect(res.status).toBe(200);
      const parts = parseBatchResponse(await res.text());
      expect(parts).toHaveLength(5000);
      expect(parts.every((p) => p.status === 201)).toBe(true);
      const tooMany = buildBatch(root, [...ops, [{ method: 'POST', path: 'CustomersV3', body: customer('BULK-X') }]]);
      const refused = await fo.call('/data/$batch', { method: 'POST', body: tooMany.body, headers: { 'Content-Type': tooMany.contentType } });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as ErrorBody).error.innererror.message).toMatch(/5001 operations; the maximum is 5000/);
    });

    it('refuses a GET inside a changeset and a body without the multipart boundary', async () => {
      const root = `${fo.url}/data`;
      const { body, contentType } = buildBatch(root, [[{ method: 'GET', path: 'CustomersV3' }]]);
      const res = await fo.call('/data/$batch', { method: 'POST', body, headers: { 'Content-Type': contentType } });
      expect(res.status).toBe(200);
      expect(parseBatchResponse(await res.text())[0].status).toBe(400);
      const bad = await fo.call('/data/$batch', { method: 'POST', body: 'not multipart', headers: { 'Content-Type': 'text/plain' } });
      expect(bad.status).toBe(400);
      const unterminated = await fo.call('/data/$batch', { method: 'POST', body: '--b\r\nContent-Type: application/http\r\n\r\nGET x HTTP/1.1\r\n', headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
      expect(unterminated.status).toBe(400);
      expect(((await unterminated.json()) as ErrorBody).error.innererror.message).toMatch(/not terminated/);
    });
  });
});
