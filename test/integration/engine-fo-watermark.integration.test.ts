import { randomUUID } from 'node:crypto';
import { startEngineSandbox, type EngineSandbox } from '../fixtures/engine/sandbox';

type Row = Record<string, unknown>;
const UPDATE = ['actuals-update-to-psa'] as const;
const READ_ONLY = ['ActualsImportId', 'IsJournalized', 'Voucher', 'IsDuplicate', '@odata.etag'];

/**
 * actuals-update-to-psa without change tracking in F&O (issue 4: incremental runs): the staging actuals
 * are read from the watermark on (the lowest row not posted at the previous run, by ActualsImportId),
 * the relationships only by links to the actuals read; nothing is lost when rows are posted out of order.
 */
describe('actuals update: F&O read by watermark and by links', () => {
  let sb: EngineSandbox;
  let template: Row;
  /** A staging actual F&O created (posted, written to PSA by the update template). */
  let fromFinOps: string;

  const taskOf = (s: Awaited<ReturnType<EngineSandbox['run']>>, id: string) => s.tasks.find((t) => t.task === id);
  /** A staging actual F&O adds itself (e.g. sales tax), copied from a posted one; not journalized yet. */
  const addStagingActual = async (): Promise<string> => {
    const id = randomUUID();
    const body = Object.fromEntries(Object.entries(template).filter(([k]) => !READ_ONLY.includes(k)));
    const res = await sb.em.fetchAs('finops')('/data/ProjCDSActualsImports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, ActualId: id, ExternalReference: '', Description: `Sales tax ${id.slice(0, 8)}` }),
    });
    expect(res.status).toBe(201);
    return id;
  };
  const importJournal = async (): Promise<string> => {
    const res = await sb.admin('finops', 'POST', 'import-staging', { dataAreaId: String(template.dataAreaId) });
    const [company] = res.json<{ companies: { journalId: string; lines: number }[] }>().companies;
    expect(company.lines).toBe(1);
    return company.journalId;
  };
  const psaReference = async (id: string) =>
    (await sb.dvRows<{ msdyn_externalreferenceid: string | null }>('msdyn_actuals', `$filter=msdyn_actualid eq ${id}&$select=msdyn_externalreferenceid`)).map((a) => a.msdyn_externalreferenceid);

  beforeAll(async () => {
    sb = await startEngineSandbox();
    expect((await sb.run()).failedTasks).toBe(0);
    expect((await sb.admin('finops', 'POST', 'import-staging', {})).status).toBe(200);
    expect((await sb.admin('finops', 'POST', 'post-journal', {})).status).toBe(200);
    const back = await sb.run({ templates: [...UPDATE] });
    expect(taskOf(back, 'actuals-update')?.upserts).toBeGreaterThan(5);
    [template] = await sb.foRows('ProjCDSActualsImports', "cross-company=true&$filter=Voucher ne ''&$top=1");
  }, 300_000);
  afterAll(async () => {
    await sb?.close();
  });

  it('after the vouchers came back, the next run reads no staging actual again and no relationship', async () => {
    const s = await sb.run({ templates: [...UPDATE] });
    expect(s.failedTasks).toBe(0);
    expect(taskOf(s, 'actuals-update')).toMatchObject({ read: 0, upserts: 0 });
    expect(taskOf(s, 'relationships-update')).toMatchObject({ read: 0, upserts: 0 });
  });

  it('rows posted out of order: a later row posted first comes back; the older unposted one holds the watermark and comes back when posted', async () => {
    const older = await addStagingActual();
    const olderJournal = await importJournal();
    const newer = await addStagingActual();
    fromFinOps = newer;
    const newerJournal = await importJournal();
    // F&O links the newer actual to one that came from PSA
    const link = randomUUID();
    const rel = await sb.em.fetchAs('finops')('/data/ProjCDSTransactionRelationshipImports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ dataAreaId: template.dataAreaId, ConnectionId: link, Transaction1Id: newer, Transaction1Role: 192350000, Transaction1Type: 'msdyn_actual', Transaction2Id: template.ActualId, Transaction2Role: 192350004, Transaction2Type: 'msdyn_actual' }),
    });
    expect(rel.status).toBe(201);
    expect((await sb.admin('finops', 'POST', 'post-journal', { dataAreaId: String(template.dataAreaId), journalId: newerJournal })).status).toBe(200);

    const first = await sb.run({ templates: [...UPDATE] });
    expect(first.failedTasks).toBe(0);
    expect(taskOf(first, 'actuals-update')).toMatchObject({ read: 1, upserts: 1 });
    expect(taskOf(first, 'relationships-update')).toMatchObject({ read: 1, upserts: 1 });
    expect((await psaReference(newer))[0]).toMatch(/PSAV/);
    expect(await psaReference(older)).toEqual([]);
    expect(await sb.dvRows('msdyn_transactionconnections', `$filter=msdyn_transactionconnectionid eq ${link}`)).toHaveLength(1);

    // the older row is still open: the next run reads from it again
    expect((await sb.admin('finops', 'POST', 'post-journal', { dataAreaId: String(template.dataAreaId), journalId: olderJournal })).status).toBe(200);
    const second = await sb.run({ templates: [...UPDATE] });
    expect(second.failedTasks).toBe(0);
    expect(taskOf(second, 'actuals-update')).toMatchObject({ read: 2, upserts: 1, unchanged: 1 });
    expect((await psaReference(older))[0]).toMatch(/PSAV/);

    // the demo's GBP actual cannot be imported (F&O has no GBP rate): it stays open and holds the watermark,
    // so the posted rows after it are read again (and skipped by their hash) until it posts
    const [open] = await sb.foRows<{ ActualsImportId: number; TransactionCurrencyId: string }>('ProjCDSActualsImports', "cross-company=true&$filter=Voucher eq ''&$orderby=ActualsImportId&$top=1");
    expect(open.TransactionCurrencyId).toBe('GBP');
    const since = await sb.foRows('ProjCDSActualsImports', `cross-company=true&$filter=Voucher ne '' and ActualsImportId ge ${open.ActualsImportId}`);
    const posted = await sb.foRows('ProjCDSActualsImports', "cross-company=true&$filter=Voucher ne ''");
    expect(since.length).toBeLessThan(posted.length);
    const third = await sb.run({ templates: [...UPDATE] });
    expect(taskOf(third, 'actuals-update')).toMatchObject({ read: since.length, upserts: 0 });

    // the PSA actuals F&O created are not sent back to F&O by the actuals template (they came from there)
    const psaToFo = await sb.run({ templates: ['actuals'] });
    expect(psaToFo.failedTasks).toBe(0);
    expect(taskOf(psaToFo, 'actuals')).toMatchObject({ upserts: 0, errors: 0 });
  });

  it('--full reads every staging actual and every relationship again and writes nothing new', async () => {
    const s = await sb.run({ templates: [...UPDATE], full: true });
    expect(s.failedTasks).toBe(0);
    expect(taskOf(s, 'actuals-update')?.read).toBeGreaterThan(10);
    expect(taskOf(s, 'relationships-update')?.read).toBeGreaterThan(1);
    expect(s.upserts).toBe(0);
  });

  it('a later PSA change to an actual F&O created is sent to F&O as usual', async () => {
    const edit = await sb.em.fetchAs('dataverse')(`/api/data/v9.2/msdyn_actuals(${fromFinOps})`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ msdyn_description: 'Sales tax, corrected in PSA' }),
    });
    expect(edit.status).toBe(204);
    expect(taskOf(await sb.run({ templates: ['actuals'] }), 'actuals')).toMatchObject({ upserts: 1, errors: 0 });
    const [row] = await sb.foRows<{ Description: string; ExternalReference: string }>('ProjCDSActualsImports', `cross-company=true&$filter=ActualId eq '${fromFinOps}'`);
    expect(row.Description).toBe('Sales tax, corrected in PSA');
    expect(row.ExternalReference).toMatch(/PSAV/);
  });
});
