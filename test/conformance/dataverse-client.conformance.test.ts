/**
 * The Dataverse emulator driven by the third-party client dynamics-web-api (STYLE.md §7): it must
 * not be able to tell the emulator from the service for paging, alternate-key writes, $batch
 * changesets, change tracking and optimistic concurrency. Tokens come from the identity emulator.
 */
import { DynamicsWebApi } from 'dynamics-web-api';
import { startTestEmulators } from '../harness/emulators';
import type { TestEmulators } from '../harness/emulators';

let env: TestEmulators;
let client: DynamicsWebApi;

function accountNumbers(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
}

beforeAll(async () => {
  env = await startTestEmulators();
  client = new DynamicsWebApi({
    serverUrl: env.urls.dataverse,
    dataApi: { version: '9.2' },
    onTokenRefresh: async () => env.token('dataverse'),
  });
});

afterAll(async () => {
  await env?.close();
});

describe('retrieveMultiple paging', () => {
  beforeAll(async () => {
    for (const number of accountNumbers('PG', 25)) await client.create({ collection: 'accounts', data: { name: `Paged ${number}`, accountnumber: number } });
  });

  it('returns maxPageSize rows and an @odata.nextLink that the client follows verbatim', async () => {
    const request = { collection: 'accounts', select: ['name', 'accountnumber'], filter: "startswith(accountnumber,'PG-')", maxPageSize: 10 };
    const first = await client.retrieveMultiple(request);
    expect(first.value).toHaveLength(10);
    expect(first.oDataNextLink).toContain('$skiptoken=');
    const second = await client.retrieveMultiple(request, first.oDataNextLink);
    expect(second.value).toHaveLength(10);
    const third = await client.retrieveMultiple(request, second.oDataNextLink);
    expect(third.value).toHaveLength(5);
    expect(third.oDataNextLink).toBeUndefined();
    const seen = [...first.value, ...second.value, ...third.value].map((r) => r.accountnumber as string).sort();
    expect(seen).toEqual(accountNumbers('PG', 25));
    expect(first.value[0]['@odata.etag']).toMatch(/^W\/"\d+"$/);
  });

  it('retrieveAll walks every page', async () => {
    const all = await client.retrieveAll({ collection: 'accounts', select: ['accountnumber'], filter: "startswith(accountnumber,'PG-')", maxPageSize: 7 });
    expect(all.value).toHaveLength(25);
  });

  it('$orderby and $top', async () => {
    const res = await client.retrieveMultiple({ collection: 'accounts', select: ['accountnumber'], filter: "startswith(accountnumber,'PG-')", orderBy: ['accountnumber desc'], top: 3 });
    expect(res.value.map((r) => r.accountnumber)).toEqual(['PG-024', 'PG-023', 'PG-022']);
  });
});

describe('create, update and upsert by alternate key', () => {
  it('creates, then updates through accounts(accountnumber=...)', async () => {
    const id = await client.create({ collection: 'accounts', data: { name: 'Contoso', accountnumber: 'AK-1' } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await client.update({ collection: 'accounts', key: "accountnumber='AK-1'", data: { telephone1: '555-0100' } });
    const row = await client.retrieve({ collection: 'accounts', key: id as unknown as string, select: ['name', 'telephone1', 'accountnumber'] });
    expect(row).toMatchObject({ name: 'Contoso', telephone1: '555-0100', accountnumber: 'AK-1', accountid: id });
  });

  it('upsert creates when the key is new and updates when it exists, without duplicates', async () => {
    await client.upsert({ collection: 'accounts', key: "accountnumber='AK-2'", data: { name: 'Fabrikam' } });
    await client.upsert({ collection: 'accounts', key: "accountnumber='AK-2'", data: { name: 'Fabrikam Inc.' } });
    const res = await client.retrieveMultiple({ collection: 'accounts', select: ['name', 'accountnumber'], filter: "accountnumber eq 'AK-2'" });
    expect(res.value).toHaveLength(1);
    expect(res.value[0]).toMatchObject({ name: 'Fabrikam Inc.', accountnumber: 'AK-2' });
  });

  it('binds a lookup by alternate key and reads it back as _x_value with annotations', async () => {
    const accountId = await client.create({ collection: 'accounts', data: { name: 'Lookup target', accountnumber: 'AK-3' } });
    const project = await client.create<Record<string, unknown>, Record<string, unknown>>({
      collection: 'msdyn_projects',
      data: { msdyn_subject: 'Cloud migration', 'msdyn_customer_account@odata.bind': "/accounts(accountnumber='AK-3')" },
      returnRepresentation: true,
      select: ['msdyn_subject', 'msdynce_projectnumber', '_msdyn_customer_value'],
      includeAnnotations: '*',
    });
    expect(project._msdyn_customer_value).toBe(accountId);
    expect(project['_msdyn_customer_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('account');
    expect(project['_msdyn_customer_value@OData.Community.Display.V1.FormattedValue']).toBe('Lookup target');
    expect(project.msdynce_projectnumber).toMatch(/^PRJ-\d{5}-[A-Z0-9]{6}$/);
  });
});

describe('$batch', () => {
  it('rolls a changeset back when one of its requests fails', async () => {
    client.startBatch();
    client.create({ collection: 'accounts', data: { name: 'Batch ok', accountnumber: 'BT-1' } });
    client.create({ collection: 'accounts', data: { name: 'Batch bad', accountnumber: 'BT-2', nosuchcolumn: 1 } });
    let error: unknown;
    try {
      await client.executeBatch();
    } catch (err) {
      error = err;
    }
    expect(error).toBeDefined();
    const status = ((Array.isArray(error) ? error[0] : error) as { status?: number }).status;
    expect(status).toBe(400);
    const res = await client.retrieveMultiple({ collection: 'accounts', select: ['accountnumber'], filter: "startswith(accountnumber,'BT-')" });
    expect(res.value).toHaveLength(0);
  });

  it('commits a changeset and answers every part', async () => {
    client.startBatch();
    client.create({ collection: 'accounts', data: { name: 'Batch 1', accountnumber: 'BT-10' } });
    client.create({ collection: 'accounts', data: { name: 'Batch 2', accountnumber: 'BT-11' } });
    client.retrieveMultiple({ collection: 'accounts', select: ['accountnumber'], filter: "startswith(accountnumber,'BT-1')" });
    const results = await client.executeBatch();
    expect(results).toHaveLength(3);
    expect(results[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect((results[2] as { value: unknown[] }).value).toHaveLength(2);
  });
});

describe('change tracking', () => {
  it('returns a delta link, then changed rows and deletions', async () => {
    const keep = await client.create({ collection: 'msdyn_transactioncategories', data: { msdyn_name: 'Travel' } });
    const gone = await client.create({ collection: 'msdyn_transactioncategories', data: { msdyn_name: 'Hotel' } });
    const initial = await client.retrieveMultiple({ collection: 'msdyn_transactioncategories', select: ['msdyn_name'], trackChanges: true });
    expect(initial.value.map((r) => r.msdyn_name).sort()).toEqual(['Hotel', 'Travel']);
    expect(initial.oDataDeltaLink).toContain('$deltatoken=');

    await client.update({ collection: 'msdyn_transactioncategories', key: keep as unknown as string, data: { msdyn_name: 'Travel and meals' } });
    const added = await client.create({ collection: 'msdyn_transactioncategories', data: { msdyn_name: 'Mileage' } });
    await client.deleteRecord({ collection: 'msdyn_transactioncategories', key: gone as unknown as string });

    const delta = await client.retrieveMultiple({ collection: 'msdyn_transactioncategories', select: ['msdyn_name'] }, initial.oDataDeltaLink);
    const changed = delta.value.filter((r) => r.reason === undefined);
    const deleted = delta.value.filter((r) => r.reason === 'deleted');
    expect(changed.map((r) => [r.msdyn_transactioncategoryid, r.msdyn_name])).toEqual([[keep, 'Travel and meals'], [added, 'Mileage']]);
    expect(deleted).toEqual([expect.objectContaining({ id: gone, reason: 'deleted' })]);
    expect(String(deleted[0]['@odata.context'])).toMatch(/#msdyn_transactioncategories\/\$deletedEntity$/);
    expect(delta.oDataDeltaLink).toContain('$deltatoken=');

    const none = await client.retrieveMultiple({ collection: 'msdyn_transactioncategories', select: ['msdyn_name'] }, delta.oDataDeltaLink);
    expect(none.value).toEqual([]);
  });
});

describe('optimistic concurrency', () => {
  it('answers 412 to an update with a stale ETag and 204 with the current one', async () => {
    const id = (await client.create({ collection: 'accounts', data: { name: 'Versioned', accountnumber: 'ET-1' } })) as unknown as string;
    const first = await client.retrieve<Record<string, string>>({ collection: 'accounts', key: id, select: ['name'] });
    await client.update({ collection: 'accounts', key: id, data: { name: 'Versioned 2' } });
    // The client turns a 412 on an If-Match update into `false` ...
    expect(await client.update({ collection: 'accounts', key: id, data: { name: 'Lost update' }, ifmatch: first['@odata.etag'] })).toBe(false);
    // ... and, with propagateErrors, surfaces the service's 412 error.
    const strict = new DynamicsWebApi({ serverUrl: env.urls.dataverse, dataApi: { version: '9.2' }, propagateErrors: true, onTokenRefresh: async () => env.token('dataverse') });
    let error: { status?: number; message?: string; code?: string } | undefined;
    try {
      await strict.update({ collection: 'accounts', key: id, data: { name: 'Lost update' }, ifmatch: first['@odata.etag'] });
    } catch (err) {
      error = err as typeof error;
    }
    expect(error?.status).toBe(412);
    expect(error?.message).toBe("The version of the existing record doesn't match the RowVersion property provided.");
    const current = await client.retrieve<Record<string, string>>({ collection: 'accounts', key: id, select: ['name'] });
    expect(current.name).toBe('Versioned 2');
    await client.update({ collection: 'accounts', key: id, data: { name: 'Versioned 3' }, ifmatch: current['@odata.etag'] });
    expect((await client.retrieve<Record<string, string>>({ collection: 'accounts', key: id, select: ['name'] })).name).toBe('Versioned 3');
  });

  it('If-None-Match with the current ETag gives 304 (the client returns no record)', async () => {
    const id = (await client.create({ collection: 'accounts', data: { name: 'Cached', accountnumber: 'ET-2' } })) as unknown as string;
    const row = await client.retrieve<Record<string, string>>({ collection: 'accounts', key: id, select: ['name'] });
    const again = await client.retrieve({ collection: 'accounts', key: id, select: ['name'], ifnonematch: row['@odata.etag'] });
    expect(again ?? undefined).toBeUndefined();
    await client.update({ collection: 'accounts', key: id, data: { name: 'Changed' } });
    const changed = await client.retrieve<Record<string, string>>({ collection: 'accounts', key: id, select: ['name'], ifnonematch: row['@odata.etag'] });
    expect(changed.name).toBe('Changed');
  });
});

describe('WhoAmI', () => {
  it('answers the application user of the token', async () => {
    const who = await client.callFunction<{ UserId: string; BusinessUnitId: string; OrganizationId: string }>({ name: 'WhoAmI' });
    expect(who.UserId).toMatch(/^[0-9a-f-]{36}$/);
    const user = await client.retrieve<Record<string, string>>({ collection: 'systemusers', key: who.UserId, select: ['fullname'] });
    expect(user.fullname).toMatch(/^# /);
  });
});
