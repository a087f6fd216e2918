import { queryFirstPages } from '../../bridge/connectors/finops/batch-read';
import { FinOpsClient } from '../../bridge/connectors/finops/client';
import { FinOpsServiceError } from '../../bridge/connectors/finops/errors';
import { pagesFrom } from '../../bridge/connectors/finops/query';
import { buildReadBatch } from '../../bridge/connectors/odata/multipart';
import type { RetryDeps } from '../../bridge/connectors/retry/with-retry';
import { startFinOps, type FinOpsHarness } from '../harness/finops';

jest.setTimeout(60_000);

/**
 * F&O $batch with GET parts (top-level requests, never inside a changeset): each read answers its
 * own page with the part's Prefer odata.maxpagesize and an @odata.nextLink that plain GETs continue.
 */
describe('F&O emulator: reads in $batch', () => {
  let fo: FinOpsHarness;
  let client: FinOpsClient;

  beforeAll(async () => {
    fo = await startFinOps();
    const retry: RetryDeps = { options: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, sleep: async () => undefined, now: () => Date.now(), random: () => 0.5 };
    client = new FinOpsClient({ url: fo.url, scope: `${fo.url}/.default`, tokens: { getToken: () => fo.token() }, retry, pageSize: 1000 });
    fo.emulator.seed({
      finops: [
        { entitySet: 'CustomersV3', records: Array.from({ length: 2500 }, (_, i) => ({ dataAreaId: i % 2 ? 'usmf' : 'ussi', CustomerAccount: `BR-${i}`, CustomerGroupId: '10' })) },
      ],
    });
  });
  afterAll(() => fo.close());

  it('answers several GET parts in one request, each paged on its own; nextLink continues with plain GETs', async () => {
    const [customers, usmfOnly, groups] = await queryFirstPages(client, [
      { entitySet: 'CustomersV3', select: ['CustomerAccount', 'dataAreaId'], filter: "CustomerAccount eq 'BR-*'", crossCompany: true },
      { entitySet: 'CustomersV3', select: ['CustomerAccount'], filter: "CustomerAccount eq 'BR-1*' and dataAreaId eq 'usmf'", crossCompany: true },
      { entitySet: 'CustomerGroups', select: ['CustomerGroupId'], crossCompany: true },
    ]);
    expect(customers.rows).toHaveLength(1000);
    expect(customers.nextLink).toMatch(/CustomersV3/);
    const rest: number[] = [];
    for await (const page of pagesFrom(client, customers.nextLink as string)) rest.push(page.length);
    expect(rest).toEqual([1000, 500]);
    // BR-1, BR-1x, BR-1xx, BR-1xxx with an odd number: 1 + 5 + 50 + 500
    expect(usmfOnly.rows).toHaveLength(556);
    expect(usmfOnly.nextLink).toBeUndefined();
    expect(groups.rows.map((r) => r.CustomerGroupId)).toContain('10');
  });

  it('a failing part fails alone in the answer; the connector throws its F&O error', async () => {
    const { contentType, body } = buildReadBatch([{ url: `${fo.url}/data/NoSuchEntities` }, { url: `${fo.url}/data/CustomerGroups?cross-company=true` }]);
    const res = await fo.call('/data/$batch', { method: 'POST', body, headers: { 'Content-Type': contentType } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/HTTP\/1\.1 404/);
    expect(text).toMatch(/HTTP\/1\.1 200/);
    await expect(queryFirstPages(client, [{ entitySet: 'NoSuchEntities' }, { entitySet: 'CustomerGroups', crossCompany: true }])).rejects.toBeInstanceOf(FinOpsServiceError);
  });

  it('refuses a GET inside a changeset', async () => {
    const boundary = 'batch_x';
    const cs = 'changeset_y';
    const body = [`--${boundary}`, `Content-Type: multipart/mixed; boundary=${cs}`, '', `--${cs}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 1', '', `GET ${fo.url}/data/CustomerGroups HTTP/1.1`, 'Accept: application/json', '', '', `--${cs}--`, `--${boundary}--`, ''].join('\r\n');
    const res = await fo.call('/data/$batch', { method: 'POST', body, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` } });
    expect(await res.text()).toMatch(/GET requests are not allowed in a changeset/);
  });
});
