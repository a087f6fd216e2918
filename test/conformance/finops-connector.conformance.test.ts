import { FinOpsClient } from '../../bridge/connectors/finops/client';
import { createRecord } from '../../bridge/connectors/finops/create';
import { updateRecord } from '../../bridge/connectors/finops/update';
import { getByKey, queryPages } from '../../bridge/connectors/finops/query';
import { executeBatch } from '../../bridge/connectors/finops/batch';
import { keyPath } from '../../bridge/connectors/finops/key';
import { readFinOpsMetadata } from '../../bridge/connectors/finops/metadata';
import { FinOpsServiceError } from '../../bridge/connectors/finops/errors';
import type { RetryDeps } from '../../bridge/connectors/retry/with-retry';
import { startFinOps, type FinOpsHarness } from '../harness/finops';

// Generous: CI runs every tier at once on 2 shared cores.
jest.setTimeout(60_000);

/** The product's own F&O connector (bridge/connectors/finops) against the emulator: it must not tell it from F&O. */
describe('F&O emulator driven by the bridge F&O connector', () => {
  let fo: FinOpsHarness;
  let client: FinOpsClient;
  const waits: number[] = [];

  beforeAll(async () => {
    fo = await startFinOps();
    const retry: RetryDeps = {
      options: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 5 },
      sleep: async (ms) => {
        waits.push(ms);
      },
      now: () => Date.now(),
      random: () => 0.5,
    };
    client = new FinOpsClient({ url: fo.url, scope: `${fo.url}/.default`, tokens: { getToken: () => fo.token() }, retry, pageSize: 1000 });
  });
  afterAll(() => fo.close());

  it('reads $metadata into entity sets and properties', async () => {
    const meta = await readFinOpsMetadata(client);
    expect([...(meta.entitySets.get('ProjCDSProjects') ?? [])]).toEqual(expect.arrayContaining(['dataAreaId', 'ProjectID', 'ProjectName', 'ProjectContract']));
  });

  it('creates, detects a duplicate, updates by key and reads back across companies', async () => {
    await createRecord(client, 'CustomersV3', { dataAreaId: 'USSI', CustomerAccount: 'CN-1', OrganizationName: 'Connector', CustomerGroupId: '10' });
    const dup = await createRecord(client, 'CustomersV3', { dataAreaId: 'USSI', CustomerAccount: 'CN-1', CustomerGroupId: '10' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(FinOpsServiceError);
    expect((dup as FinOpsServiceError).kind).toBe('duplicate');
    await updateRecord(client, 'CustomersV3', { dataAreaId: 'USSI', CustomerAccount: 'CN-1' }, { OrganizationName: 'Connector renamed' });
    const missing = await updateRecord(client, 'CustomersV3', { dataAreaId: 'USSI', CustomerAccount: 'CN-404' }, { OrganizationName: 'x' }).catch((e: unknown) => e);
    expect((missing as FinOpsServiceError).kind).toBe('notFound');
    const row = await getByKey(client, 'CustomersV3', keyPath('CustomersV3', { dataAreaId: 'USSI', CustomerAccount: 'CN-1' }));
    expect(row).toMatchObject({ dataAreaId: 'ussi', OrganizationName: 'Connector renamed' });
    expect(await getByKey(client, 'CustomersV3', keyPath('CustomersV3', { dataAreaId: 'USSI', CustomerAccount: 'CN-404' }))).toBeUndefined();
  });

  it('writes a $batch with one changeset per record: failures stay per record', async () => {
    const url = `${client.dataUrl}/CustomersV3`;
    const results = await executeBatch(client, [
      { method: 'POST', url, body: { CustomerAccount: 'CB-1', CustomerGroupId: '10' } },
      { method: 'POST', url, body: { CustomerAccount: 'CB-2', CustomerGroupId: 'NOPE' } },
      { method: 'POST', url, body: { CustomerAccount: 'CB-3', CustomerGroupId: '10' } },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    // creates ask for return=minimal: 204, no entity body to build and parse
    expect(results.map((r) => (r.ok ? r.status : 0))).toEqual([204, 0, 204]);
    const failed = results[1];
    if (failed.ok) throw new Error('expected a failure');
    expect(failed.error.kind).toBe('validation');
    expect(failed.error.serviceMessage).toMatch(/'NOPE' in field 'Customer group'/);
  });

  it('pages through a cross-company query with the connector page size', async () => {
    fo.emulator.seed({ finops: [{ entitySet: 'CustomersV3', records: Array.from({ length: 2500 }, (_, i) => ({ dataAreaId: i % 2 ? 'usmf' : 'ussi', CustomerAccount: `PG-${i}`, CustomerGroupId: '10' })) }] });
    const sizes: number[] = [];
    let total = 0;
    for await (const page of queryPages(client, { entitySet: 'CustomersV3', select: ['CustomerAccount', 'dataAreaId'], filter: "CustomerAccount eq 'PG-*'", crossCompany: true })) {
      sizes.push(page.length);
      total += page.length;
    }
    expect(total).toBe(2500);
    expect(sizes).toEqual([1000, 1000, 500]);
  });

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    await fetch(`${fo.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify([{ path: 'LegalEntities', rate429: 0.5, retryAfterSeconds: 2, seed: 3 }]) });
    waits.length = 0;
    let pages = 0;
    for (let i = 0; i < 6; i++) {
      for await (const page of queryPages(client, { entitySet: 'LegalEntities' })) pages += page.length > 0 ? 1 : 0;
    }
    await fetch(`${fo.url}/_emulator/faults`, { method: 'PUT', body: '[]' });
    expect(pages).toBe(6);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms >= 2000)).toBe(true);
  });
});
