import { SYNC_STATE } from '../../solution/tables/syncstatus';
import { actualId } from '../../emulators/seed/demo/actuals';
import { demoId } from '../../emulators/seed/ids';
import { PROJECT, PROJECT_NUMBER } from '../../emulators/seed/demo/projects';
import { CONTRACT, ORDER_NUMBER } from '../../emulators/seed/demo/sales';
import { startEngineSandbox, type EngineSandbox } from '../fixtures/engine/sandbox';

type Row = Record<string, unknown>;
const PAYMENT_TERMS: Record<string, string> = { '1': 'Net30', '2': '2%10Net30', '3': 'Net45', '4': 'Net60' };
const UNIT_COMPANY: Record<string, string> = { 'Contoso US': 'ussi', 'Contoso Global': 'usmf' };
const ALL_BUT_UPDATE = ['accounts-to-customers', 'projects-and-contracts', 'project-tasks', 'expense-categories-to-psa', 'expense-categories-to-fo', 'hour-estimates', 'expense-estimates', 'actuals'] as const;

/** F&O writes seen by the emulator since the last reset (POST/PATCH on /data, $batch included). */
async function foWrites(sb: EngineSandbox): Promise<Record<string, number>> {
  const snap = (await sb.admin('finops', 'GET', 'requests')).json<{ byRoute: Record<string, number> }>().byRoute;
  return Object.fromEntries(Object.entries(snap).filter(([k]) => /^(POST|PATCH|DELETE) \/data\//.test(k)));
}

describe('engine on the demo seed (acceptance of issue 4)', () => {
  let sb: EngineSandbox;
  beforeAll(async () => {
    sb = await startEngineSandbox();
  }, 300_000);
  afterAll(async () => {
    await sb?.close();
  });

  it('first run: contracts and projects land in F&O exactly as the mapping tables say', async () => {
    const summary = await sb.run({ templates: [...ALL_BUT_UPDATE] });
    expect(summary.failedTasks).toBe(0);

    const units = new Map((await sb.dvRows('msdyn_organizationalunits', '$select=msdyn_name')).map((u) => [u.msdyn_organizationalunitid, u.msdyn_name]));
    const currencies = new Map((await sb.dvRows('transactioncurrencies', '$select=isocurrencycode')).map((c) => [c.transactioncurrencyid, c.isocurrencycode]));
    const accounts = new Map((await sb.dvRows('accounts', '$select=accountnumber')).map((a) => [a.accountid, a.accountnumber]));
    const orders = await sb.dvRows('salesorders');
    const foContracts = new Map((await sb.foRows('ProjCDSProjectContracts')).map((r) => [r.ProjectContractID, r]));
    for (const o of orders) {
      const company = UNIT_COMPANY[String(units.get(o._msdyn_contractorganizationalunitid_value))];
      const fo = foContracts.get(o.ordernumber);
      if (o.msdyn_ordertype !== 192350001 || !company) {
        expect({ order: o.ordernumber, fo }).toEqual({ order: o.ordernumber, fo: undefined });
        continue;
      }
      expect(fo).toMatchObject({
        dataAreaId: company,
        ProjectContractID: o.ordernumber,
        Name: o.name,
        CurrencyCode: currencies.get(o._transactioncurrencyid_value),
        ExchangeRate: o.exchangerate,
        CustomerAccount: accounts.get(o._customerid_value),
        SourceDataID: 'Project Service Automation',
        ...(o.paymenttermscode ? { PaymentTerms: PAYMENT_TERMS[String(o.paymenttermscode)] } : {}),
      });
    }
    expect(foContracts.has(ORDER_NUMBER.c4)).toBe(false);
    expect(foContracts.has(ORDER_NUMBER.c5)).toBe(false);
    expect(foContracts.size).toBe(4);

    const foProjects = new Map((await sb.foRows('ProjCDSProjects')).map((r) => [r.ProjectID, r]));
    for (const p of await sb.dvRows('msdyn_projects')) {
      const fo = foProjects.get(p.msdynce_projectnumber);
      if (p.msdyn_projectid === PROJECT.p4) {
        expect(fo).toBeUndefined();
        continue;
      }
      expect(fo).toMatchObject({
        dataAreaId: UNIT_COMPANY[String(units.get(p._msdyn_contractorganizationalunitid_value))],
        ProjectName: p.msdyn_subject,
        ProjectContractID: orders.find((o) => o.salesorderid === p._msdyn_salesorderid_value)?.ordernumber,
        CustomerAccount: accounts.get(p._msdyn_customer_value),
        SourceDataID: 'Project Service Automation',
      });
    }
  });

  it('lines, milestones, tasks and estimates follow the tables and the shipped filters', async () => {
    const lines = await sb.foRows('ProjCDSContractLineImports');
    const psaLines = await sb.dvRows('salesorderdetails');
    for (const l of lines) {
      const psa = psaLines.find((p) => p.salesorderdetailid === l.TransactionId) as Row;
      expect(l.Type).toBe(psa.msdyn_billingmethod === 192350001 ? 'FixedPrice' : 'TimeMaterial');
      expect(l.Description).toBe(psa.productdescription);
      expect(l.ContractLine).toBe(psa.sequencenumber);
    }
    expect(lines.map((l) => l.ContractId)).not.toContain(ORDER_NUMBER.c4);
    const milestones = await sb.foRows('ProjCDSContractLineMilestoneImports');
    expect(milestones).toHaveLength(4);
    for (const m of milestones) expect(lines.map((l) => l.TransactionId)).toContain(m.ContractLineRef);

    const psaTasks = await sb.dvRows('msdyn_projecttasks');
    const foTasks = await sb.foRows('ProjCDSTasks');
    const lineTasks = psaTasks.filter((t) => t.msdyn_islinetask === true).map((t) => t.msdyn_projecttaskid);
    expect(lineTasks.length).toBeGreaterThan(0);
    for (const id of lineTasks) expect(foTasks.map((t) => t.Task)).not.toContain(id);
    const hours = await sb.foRows('ProjCDSEstimateHours');
    expect(hours.length).toBeGreaterThan(0);
    for (const h of hours) {
      const t = psaTasks.find((p) => p.msdyn_projecttaskid === h.TaskId) as Row;
      expect(t._msdyn_transactioncategory_value).toBeTruthy();
      expect(t.msdyn_islinetask).not.toBe(true);
      expect(h).toMatchObject({ ForecastModel: 'O_forecast', Duration: t.msdyn_effort, Description: t.msdyn_subject, PlannedCostAmount: t.msdyn_plannedcost });
    }
    const expenses = await sb.foRows('ProjCDSEstimateExpensesImports');
    expect(expenses.length).toBe(6);
    for (const e of expenses) {
      expect(e.ModelId).toBe('O_forecast');
      expect(['Cost', 'Sales']).toContain(e.TransType);
      expect(['Chargeable', 'NonChargeable', 'Complimentary', 'NotAvailable']).toContain(e.BillingType);
    }
  });

  it('categories flow F&O → PSA → F&O without duplicates', async () => {
    const psa = await sb.dvRows('msdyn_transactioncategories', '$select=msdyn_name,msdyn_billingtype');
    const names = psa.map((c) => String(c.msdyn_name).toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['hours', 'fee', 'airfare', 'hotel', 'meals']));
    const fo = await sb.foRows('ProjCDSCategories');
    const hotelId = psa.find((c) => c.msdyn_name === 'Hotel')?.msdyn_transactioncategoryid;
    for (const c of fo) {
      const match = psa.find((p) => String(p.msdyn_name).toLowerCase() === String(c.CategoryId).toLowerCase());
      expect({ category: c.CategoryId, company: c.dataAreaId, id: c.IntegrationId }).toEqual({ category: c.CategoryId, company: c.dataAreaId, id: match?.msdyn_transactioncategoryid });
    }
    expect(fo.filter((c) => c.CategoryId === 'Hotel').map((c) => c.IntegrationId)).toEqual([hotelId, hotelId]);
    expect(psa.find((c) => c.msdyn_name === 'Meals')?.msdyn_billingtype).toBe(192350001);
  });

  it('actuals reach staging once; unmapped resourcing units are skipped with a reason on the project status row', async () => {
    const staging = await sb.foRows('ProjCDSActualsImports');
    const ids = staging.map((s) => s.ActualId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(actualId(13));
    expect(ids).not.toContain(actualId(14));
    const first = staging.find((s) => s.ActualId === actualId(1)) as Row;
    expect(first).toMatchObject({ BillingType: expect.any(String), TransType: expect.stringMatching(/^(Cost|Sales)$/), ProjectId: PROJECT_NUMBER.p1 });
    const runs = sb.store.runs.list(1);
    const skipped = sb.store.runs.results(runs[0].id, 'skipped').find((r) => r.sourceId === actualId(13));
    expect(skipped?.message).toMatch(/organizational unit 'Contoso Europe' is not mapped to a legal entity/);
    const statusRows = await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${actualId(13)}'`);
    expect(statusRows).toEqual([]);
    const p1 = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${PROJECT.p1}'`))[0];
    expect(p1).toMatchObject({ psafo_state: SYNC_STATE.Synced, psafo_entitylogicalname: 'msdyn_project', psafo_legalentity: 'USMF' });
    expect(JSON.parse(String(p1.psafo_details)).children.actuals.skipped).toBe(2);
    const c5 = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${CONTRACT.c5}'`))[0];
    expect(c5).toMatchObject({ psafo_state: SYNC_STATE.Skipped, psafo_message: expect.stringContaining('Contoso Europe') });
    const runRows = await sb.dvRows('psafo_syncruns', `$filter=psafo_runid eq '${runs[0].id}'`);
    expect(runRows[0]).toMatchObject({ psafo_upserts: runs[0].upserts, psafo_errors: runs[0].errors });
  });

  it('intercompany actuals (templates.intercompany: true) reach staging in the resource company, with the project company in ProjectDataAreaId', async () => {
    expect(sb.config.templates.intercompany).toBe(true);
    const project = (await sb.foRows('ProjCDSProjects', `$filter=ProjectID eq '${PROJECT_NUMBER.p2}'`))[0];
    expect(project.dataAreaId).toBe('ussi');
    const contract = (await sb.foRows('ProjCDSProjectContracts', `$filter=ProjectContractID eq '${ORDER_NUMBER.c2}'`)).map((c) => c.dataAreaId);
    expect(contract).toEqual(['ussi']);
    const staging = await sb.foRows('ProjCDSActualsImports');
    const byId = new Map(staging.map((s) => [s.ActualId, s]));
    for (const n of [11, 12]) {
      // Bob Kelly (Contoso Global → usmf) on Contoso US's project P2 (ussi): the row is usmf's, the project ussi's.
      expect(byId.get(actualId(n))).toMatchObject({ dataAreaId: 'usmf', ProjectDataAreaId: 'USSI', ProjectId: PROJECT_NUMBER.p2, ContractId: ORDER_NUMBER.c2, IsJournalized: 'No' });
    }
    // Every actual carries its project's company (the conditional column maps the contracting unit); only 11/12 differ from the row's company.
    const projectCompany = new Map((await sb.foRows('ProjCDSProjects', '$select=ProjectID,dataAreaId')).map((p) => [p.ProjectID, p.dataAreaId]));
    for (const s of staging) expect({ id: s.ActualId, company: String(s.ProjectDataAreaId).toLowerCase() }).toEqual({ id: s.ActualId, company: projectCompany.get(s.ProjectId) });
    expect(staging.filter((s) => String(s.ProjectDataAreaId).toLowerCase() !== s.dataAreaId).map((s) => s.ActualId).sort()).toEqual([actualId(11), actualId(12)].sort());
    const runs = sb.store.runs.list(1);
    expect(sb.store.runs.results(runs[0].id, 'error').map((r) => [r.sourceId, r.message])).toEqual([]);

    expect((await sb.admin('finops', 'POST', 'import-staging', { dataAreaId: 'usmf' })).status).toBe(200);
    const lines = await sb.foRows('ProjCDSIntegrationJournalLines', `$filter=ProjectId eq '${PROJECT_NUMBER.p2}'`);
    expect(lines.map((l) => [l.ActualId, l.dataAreaId, l.ProjectDataAreaId]).sort()).toEqual([
      [actualId(11), 'usmf', 'ussi'],
      [actualId(12), 'usmf', 'ussi'],
    ].sort());
  });

  it('after import from staging and posting, vouchers reach msdyn_externalreferenceid', async () => {
    expect((await sb.admin('finops', 'POST', 'import-staging', {})).status).toBe(200);
    expect((await sb.admin('finops', 'POST', 'post-journal', {})).status).toBe(200);
    const posted = (await sb.foRows('ProjCDSActualsImports')).filter((r) => r.Voucher);
    expect(posted.length).toBeGreaterThan(0);
    // a PSA edit of a posted actual whose voucher has not come back yet: its PATCH must not blank the voucher
    const edited = posted[0];
    const patch = await sb.em.fetchAs('dataverse')(`/api/data/v9.2/msdyn_actuals(${String(edited.ActualId)})`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ msdyn_description: 'Edited after posting' }),
    });
    expect(patch.status).toBe(204);
    const s = await sb.run();
    expect(s.failedTasks).toBe(0);
    expect(s.tasks.find((t) => t.task === 'actuals')).toMatchObject({ upserts: 1 });
    const [row] = await sb.foRows('ProjCDSActualsImports', `$filter=ActualId eq '${String(edited.ActualId)}'`);
    expect(row).toMatchObject({ Description: 'Edited after posting', ExternalReference: edited.ExternalReference, Voucher: edited.Voucher });
    // the update template read the row after the actuals task wrote it: the edit is not overwritten with F&O's older copy
    const [back] = await sb.dvRows('msdyn_actuals', `$filter=msdyn_actualid eq ${String(edited.ActualId)}&$select=msdyn_description,msdyn_externalreferenceid`);
    expect(back).toMatchObject({ msdyn_description: 'Edited after posting', msdyn_externalreferenceid: edited.ExternalReference });
    const psa = new Map((await sb.dvRows('msdyn_actuals', '$select=msdyn_externalreferenceid')).map((a) => [a.msdyn_actualid, a.msdyn_externalreferenceid]));
    for (const r of posted) expect({ id: r.ActualId, ref: psa.get(r.ActualId) }).toEqual({ id: r.ActualId, ref: r.ExternalReference });
  });

  it('a second run writes nothing to F&O; one changed field makes exactly one F&O write', async () => {
    // right after the vouchers came back: their copy in PSA is not sent to F&O again (no echo), and
    // F&O's empty text does not come back to PSA as a change
    await sb.admin('finops', 'DELETE', 'requests');
    const quiet = await sb.run({ templates: [...ALL_BUT_UPDATE] });
    expect(quiet.failedTasks).toBe(0);
    expect(quiet.upserts).toBe(0);
    expect(await foWrites(sb)).toEqual({});
    const every = await sb.run();
    expect({ failed: every.failedTasks, upserts: every.upserts }).toEqual({ failed: 0, upserts: 0 });

    const patch = await sb.em.fetchAs('dataverse')(`/api/data/v9.2/msdyn_projects(${PROJECT.p2})`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ msdyn_subject: 'Fabrikam data platform (phase 1)' }),
    });
    expect(patch.status).toBe(204);
    await sb.admin('finops', 'DELETE', 'requests');
    const one = await sb.run({ templates: [...ALL_BUT_UPDATE] });
    expect(one.upserts).toBe(1);
    expect(await foWrites(sb)).toEqual({ 'POST /data/$batch': 1 });
    const project = (await sb.foRows('ProjCDSProjects', `$filter=ProjectID eq '${PROJECT_NUMBER.p2}'`))[0];
    expect(project.ProjectName).toBe('Fabrikam data platform (phase 1)');
    const status = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${PROJECT.p2}'`))[0];
    expect(status).toMatchObject({ psafo_state: SYNC_STATE.Synced, psafo_runid: one.runId });
  });

  it('a change of a date-time field alone (a Date in the client) is a change: exactly one F&O write', async () => {
    const id = actualId(1);
    const patch = await sb.em.fetchAs('dataverse')(`/api/data/v9.2/msdyn_actuals(${id})`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ msdyn_enddatetime: '2026-02-01T10:00:00Z' }),
    });
    expect(patch.status).toBe(204);
    const s = await sb.run({ templates: [...ALL_BUT_UPDATE] });
    expect(s.tasks.find((t) => t.task === 'actuals')).toMatchObject({ read: 1, upserts: 1 });
    const [row] = await sb.foRows<{ EndDate: string }>('ProjCDSActualsImports', `$filter=ActualId eq '${id}'`);
    expect(row.EndDate).toBe('2026-02-01T10:00:00Z');
  });
});

describe('engine on the demo seed with templates.intercompany: false (templates-spec §6.6: the conditional column deleted)', () => {
  let sb: EngineSandbox;
  beforeAll(async () => {
    sb = await startEngineSandbox();
    sb.reconfigure((c) => ({ ...c, templates: { ...c.templates, intercompany: false } }));
  }, 300_000);
  afterAll(async () => {
    await sb?.close();
  });

  it('no actual carries ProjectDataAreaId; the intercompany actuals land in the resource company, where F&O has no such project: integration errors, the rest goes on', async () => {
    expect(sb.config.templates.intercompany).toBe(false);
    const summary = await sb.run({ templates: [...ALL_BUT_UPDATE] });
    expect(summary.failedTasks).toBe(0);
    const staging = await sb.foRows('ProjCDSActualsImports');
    const ids = staging.map((s) => s.ActualId);
    expect(ids).toEqual(expect.arrayContaining([actualId(1), actualId(9), actualId(10)]));
    expect(ids).not.toContain(actualId(11));
    expect(ids).not.toContain(actualId(12));
    expect(staging.filter((s) => s.ProjectDataAreaId)).toEqual([]);

    const errors = sb.store.runs.results(summary.runId, 'error');
    // The transaction connection between 11 and 12 waits for its actual and says so.
    expect(errors.map((e) => e.sourceId).sort()).toEqual([actualId(11), actualId(12), demoId('connection', 5)].sort());
    expect(errors.find((e) => e.task === 'actual-relationships')?.message).toMatch(new RegExp(`waiting for its actual ${actualId(11)}`));
    for (const n of [11, 12]) {
      const e = errors.find((r) => r.sourceId === actualId(n));
      expect(e?.message).toMatch(new RegExp(`'${PROJECT_NUMBER.p2}' in field 'Project ID' is not found in the related table 'Projects' in company 'usmf'`));
      const status = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${actualId(n)}'`))[0];
      expect(status).toMatchObject({ psafo_state: SYNC_STATE.Error, psafo_message: expect.stringContaining(`in company 'usmf'`) });
    }
    const p2 = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${PROJECT.p2}'`))[0];
    expect(JSON.parse(String(p2.psafo_details)).children.actuals).toMatchObject({ synced: 2, errors: 2 });
  });

  it('turning intercompany on and running again with --full (a configuration change is not a PSA change) stages them with the project company', async () => {
    sb.reconfigure((c) => ({ ...c, templates: { ...c.templates, intercompany: true } }));
    const summary = await sb.run({ templates: [...ALL_BUT_UPDATE], full: true });
    expect(summary.errors).toBe(0);
    const actuals = summary.tasks.find((t) => t.task === 'actuals');
    // 12 staged actuals gain ProjectDataAreaId (PATCH), 11 and 12 are created; 13/14, 17/18 stay skipped.
    expect(actuals).toMatchObject({ upserts: 14, skipped: 4, errors: 0 });
    const staging = await sb.foRows('ProjCDSActualsImports');
    expect(staging.map((s) => s.ActualId).filter((id) => id === actualId(11) || id === actualId(12))).toHaveLength(2);
    const byId = new Map(staging.map((s) => [s.ActualId, s]));
    for (const n of [11, 12]) expect(byId.get(actualId(n))).toMatchObject({ dataAreaId: 'usmf', ProjectDataAreaId: 'USSI', ProjectId: PROJECT_NUMBER.p2 });
    const p2 = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${PROJECT.p2}'`))[0];
    expect(p2.psafo_runid).toBe(summary.runId);
    expect(JSON.parse(String(p2.psafo_details)).children.actuals).toMatchObject({ synced: 4, errors: 0 });
    // the Error rows the actuals had are overwritten by their success
    for (const n of [11, 12]) {
      const row = (await sb.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${actualId(n)}'`))[0];
      expect(row).toMatchObject({ psafo_state: SYNC_STATE.Synced, psafo_message: null, psafo_runid: summary.runId });
    }
  });
});
