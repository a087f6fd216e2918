import { OTHER_APP, startFinOps, type FinOpsHarness } from '../harness/finops';

// Generous: CI runs every tier at once on 2 shared cores.
jest.setTimeout(60_000);

/** F&O business rules: references, project defaults, contract-line billing, string lengths, locking, staging import and posting. */
type ErrorBody = { error: { message: string; innererror: { message: string; type: string } } };
type Page = { value: Array<Record<string, unknown>> };

const PSA = 'Project Service Automation';
const CAT_TRAVEL = '0c8e5bd2-0000-4000-8000-000000000001';
const TASK_1 = 'a0000000-0000-4000-8000-000000000001';
const TASK_2 = 'a0000000-0000-4000-8000-000000000002';
const LINE_TM = 'b0000000-0000-4000-8000-000000000001';
const LINE_FP = 'b0000000-0000-4000-8000-000000000002';

async function expectRejected(res: Response, pattern: RegExp): Promise<void> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.message).toBe('An error has occurred.');
  expect(body.error.innererror.message).toMatch(pattern);
}

const actual = (id: string, extra: Record<string, unknown>) => ({
  ActualId: id, ProjectId: 'PRJ-01000-AAAAAA', TaskId: TASK_1, AccountingDate: '2026-03-02T00:00:00Z', Quantity: 8, Amount: 800, TransactionCurrencyId: 'USD',
  TransactionClassification: 192350000, TransType: 'Cost', BillingType: 'Chargeable', ...extra,
});

describe('F&O emulator: business rules', () => {
  let fo: FinOpsHarness;
  beforeAll(async () => {
    fo = await startFinOps();
    fo.emulator.seed({
      finops: [
        { entitySet: 'ForecastModels', records: [{ dataAreaId: 'usmf', ModelId: 'O_forecast', Description: 'demo' }] },
        { entitySet: 'ProjCDSCategories', records: [{ dataAreaId: 'usmf', CategoryId: 'Airfare', SharedCategory: 'Travel', IntegrationId: CAT_TRAVEL }] },
      ],
    });
  });
  afterAll(() => fo.close());

  describe('references', () => {
    it('a contract needs an existing customer in its company', async () => {
      await expectRejected(
        await fo.call('/data/ProjCDSProjectContracts', { body: { ProjectContractID: 'ORD-01000-AAAAAA', CustomerAccount: 'ACC-NOPE', CurrencyCode: 'USD' } }),
        /The value 'ACC-NOPE' in field 'Customer account' is not found in the related table 'Customers' in company 'usmf'.*validateField failed on field 'ProjCDSProjectContractEntity.CustomerAccount'/,
      );
      expect((await fo.call('/data/CustomersV3', { body: { CustomerAccount: 'ACC-01000-AAAAAA', OrganizationName: 'Fabrikam', CustomerGroupId: '10' } })).status).toBe(201);
      await expectRejected(
        await fo.call('/data/ProjCDSProjectContracts', { body: { dataAreaId: 'ussi', ProjectContractID: 'ORD-X', CustomerAccount: 'ACC-01000-AAAAAA', CurrencyCode: 'USD' } }),
        /in company 'ussi'/,
      );
      await expectRejected(await fo.call('/data/ProjCDSProjectContracts', { body: { ProjectContractID: 'ORD-Y', CustomerAccount: 'ACC-01000-AAAAAA', CurrencyCode: 'XYZ' } }), /'XYZ' in field 'Currency'/);
      await expectRejected(await fo.call('/data/ProjCDSProjectContracts', { body: { ProjectContractID: 'ORD-Y', CustomerAccount: 'ACC-01000-AAAAAA', CurrencyCode: 'USD', PaymentTerms: 'Net99' } }), /'Net99' in field 'Terms of payment'/);
      const ok = await fo.call('/data/ProjCDSProjectContracts', { body: { ProjectContractID: 'ORD-01000-AAAAAA', CustomerAccount: 'ACC-01000-AAAAAA', CurrencyCode: 'USD', PaymentTerms: '2%10Net30', Name: 'Contract', SourceDataID: PSA } });
      expect(ok.status).toBe(201);
    });

    it('a project needs an existing contract; required fields must be filled in', async () => {
      await expectRejected(await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-X', ProjectName: 'x', ProjectContractID: 'ORD-NOPE' } }), /'ORD-NOPE' in field 'Project contract ID' is not found in the related table 'Project contracts'/);
      await expectRejected(await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-X', ProjectName: 'x' } }), /Field 'Project contract ID' must be filled in/);
    });

    it('the company must be a legal entity', async () => {
      await expectRejected(await fo.call('/data/CustomersV3', { body: { dataAreaId: 'zzzz', CustomerAccount: 'Z', CustomerGroupId: '10' } }), /Company 'zzzz' does not exist/);
    });
  });

  describe('projects and contract lines', () => {
    it('a new project gets project type and group from the integration parameters', async () => {
      const res = await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-01000-AAAAAA', ProjectName: 'Implementation', ProjectContractID: 'ORD-01000-AAAAAA', CustomerAccount: 'ACC-01000-AAAAAA', SourceDataID: PSA } });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ ProjectType: 'TimeMaterial', ProjectGroup: 'TM' });
      const explicit = await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-01001-BBBBBB', ProjectName: 'Fixed', ProjectContractID: 'ORD-01000-AAAAAA', ProjectType: 'FixedPrice', SourceDataID: PSA } });
      expect(await explicit.json()).toMatchObject({ ProjectType: 'FixedPrice', ProjectGroup: 'FP' });
    });

    it('a project without a default project type configured is rejected with what to set up', async () => {
      const patch = await fo.call("/data/ProjCDSIntegrationParameters(dataAreaId='usmf')", { method: 'PATCH', body: { DefaultProjectType: 'Time' } });
      expect(patch.status).toBe(204);
      await expectRejected(await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-T', ProjectName: 'x', ProjectContractID: 'ORD-01000-AAAAAA' } }), /No project group default is set up for project type 'Time'/);
      expect((await fo.call("/data/ProjCDSIntegrationParameters(dataAreaId='usmf')", { method: 'PATCH', body: { DefaultProjectType: 'TimeMaterial' } })).status).toBe(204);
    });

    it("a contract line's billing method updates its project's type and group", async () => {
      const fixed = await fo.call('/data/ProjCDSContractLineImports', { body: { TransactionId: LINE_FP, ContractId: 'ORD-01000-AAAAAA', ContractLine: 1, Type: 'FixedPrice', ProjectId: 'PRJ-01000-AAAAAA', Description: 'Fixed fee' } });
      expect(fixed.status).toBe(201);
      const project = (await (await fo.call("/data/ProjCDSProjects(dataAreaId='usmf',ProjectID='PRJ-01000-AAAAAA')")).json()) as Record<string, unknown>;
      expect(project).toMatchObject({ ProjectType: 'FixedPrice', ProjectGroup: 'FP' });
      expect((await fo.call('/data/ProjCDSContractLineImports', { body: { TransactionId: LINE_TM, ContractId: 'ORD-01000-AAAAAA', ContractLine: 2, Type: 'TimeMaterial', ProjectId: 'PRJ-01000-AAAAAA' } })).status).toBe(201);
      const again = (await (await fo.call("/data/ProjCDSProjects(dataAreaId='usmf',ProjectID='PRJ-01000-AAAAAA')")).json()) as Record<string, unknown>;
      expect(again).toMatchObject({ ProjectType: 'TimeMaterial', ProjectGroup: 'TM' });
      await expectRejected(await fo.call('/data/ProjCDSContractLineImports', { body: { TransactionId: 'b-x', ContractId: 'ORD-01000-AAAAAA', ProjectId: 'PRJ-NOPE', Type: 'FixedPrice' } }), /'PRJ-NOPE' in field 'Project ID' is not found in the related table 'Projects'/);
    });

    it('milestones need their contract line', async () => {
      await expectRejected(await fo.call('/data/ProjCDSContractLineMilestoneImports', { body: { TransactionId: 'm-1', ContractLineRef: 'b-nope', Amount: 1 } }), /'b-nope' in field 'Contract line' is not found in the related table 'Project contract lines'/);
      expect((await fo.call('/data/ProjCDSContractLineMilestoneImports', { body: { TransactionId: 'm-1', ContractLineRef: LINE_FP, Amount: 5000, CurrencyId: 'USD', Description: 'Go-live', InvoiceDate: '2026-04-01T00:00:00Z' } })).status).toBe(201);
    });

    it('tasks need their project; a parent task must exist', async () => {
      await expectRejected(await fo.call('/data/ProjCDSTasks', { body: { Task: TASK_1, ProjectId: 'PRJ-NOPE', Name: 'x' } }), /'PRJ-NOPE' in field 'Project ID'/);
      expect((await fo.call('/data/ProjCDSTasks', { body: { Task: TASK_1, ProjectId: 'PRJ-01000-AAAAAA', Name: 'Design', WorkBreakdownStructureID: '1' } })).status).toBe(201);
      await expectRejected(await fo.call('/data/ProjCDSTasks', { body: { Task: TASK_2, ParentTask: 'nope', ProjectId: 'PRJ-01000-AAAAAA', Name: 'Build' } }), /'nope' in field 'Parent task' is not found in the related table 'Project tasks'/);
      expect((await fo.call('/data/ProjCDSTasks', { body: { Task: TASK_2, ParentTask: TASK_1, ProjectId: 'PRJ-01000-AAAAAA', Name: 'Build', WorkBreakdownStructureID: '1.1' } })).status).toBe(201);
    });

    it('estimates need project, task, forecast model and category', async () => {
      const hours = { TaskId: TASK_1, ProjectId: 'PRJ-01000-AAAAAA', Duration: 40, ForecastModel: 'O_forecast', SalesCurrency: 'USD' };
      await expectRejected(await fo.call('/data/ProjCDSEstimateHours', { body: { ...hours, ForecastModel: 'Budget9' } }), /'Budget9' in field 'Forecast model' is not found in the related table 'Forecast models'/);
      await expectRejected(await fo.call('/data/ProjCDSEstimateHours', { body: { ...hours, TaskId: 'a-nope' } }), /'a-nope' in field 'Task'/);
      expect((await fo.call('/data/ProjCDSEstimateHours', { body: hours })).status).toBe(201);
      const expense = { EstimateLineId: 'e-1', ProjectId: 'PRJ-01000-AAAAAA', TaskId: TASK_1, ModelId: 'O_forecast', TransType: 'Cost', BillingType: 'Chargeable', Quantity: 1, Price: 300, CurrencyId: 'USD' };
      await expectRejected(await fo.call('/data/ProjCDSEstimateExpensesImports', { body: { ...expense, TransactionCategory: 'cat-nope' } }), /'cat-nope' in field 'Category' is not found in the related table 'Project categories'/);
      expect((await fo.call('/data/ProjCDSEstimateExpensesImports', { body: { ...expense, TransactionCategory: CAT_TRAVEL.toUpperCase() } })).status).toBe(201);
    });

    it('actuals need their project (in ProjectDataAreaId for intercompany actuals)', async () => {
      await expectRejected(await fo.call('/data/ProjCDSActualsImports', { body: actual('c-x', { ProjectId: 'PRJ-NOPE' }) }), /'PRJ-NOPE' in field 'Project ID'/);
      await expectRejected(await fo.call('/data/ProjCDSActualsImports', { body: actual('c-x', { dataAreaId: 'ussi', ProjectDataAreaId: 'USSI' }) }), /in company 'ussi'/);
      const ic = await fo.call('/data/ProjCDSActualsImports', { body: actual('c-ic', { dataAreaId: 'ussi', ProjectDataAreaId: 'USMF', ContractId: 'ORD-01000-AAAAAA' }) });
      expect(ic.status).toBe(201);
      expect(await ic.json()).toMatchObject({ dataAreaId: 'ussi', IsJournalized: 'No', Voucher: '', ProjectDataAreaId: 'USMF', ContractId: 'ORD-01000-AAAAAA' });
    });

    it("an intercompany actual's contract and task are resolved in the project's company, not in the resource's", async () => {
      // The project, its contract ORD-01000-AAAAAA and TASK_1 live in usmf; ORD-USSI-ONLY exists in ussi only.
      fo.emulator.seed({ finops: [{ entitySet: 'ProjCDSProjectContracts', records: [{ dataAreaId: 'ussi', ProjectContractID: 'ORD-USSI-ONLY', CustomerAccount: 'ACC-X', CurrencyCode: 'USD' }] }] });
      const ic = (extra: Record<string, unknown>) => actual('c-ic-x', { dataAreaId: 'ussi', ProjectDataAreaId: 'USMF', ContractId: 'ORD-01000-AAAAAA', ...extra });
      await expectRejected(
        await fo.call('/data/ProjCDSActualsImports', { body: ic({ ContractId: 'ORD-USSI-ONLY' }) }),
        /The value 'ORD-USSI-ONLY' in field 'Project contract ID' is not found in the related table 'Project contracts' in company 'usmf'.*ProjCDSActualsImportEntity.ContractId/,
      );
      await expectRejected(await fo.call('/data/ProjCDSActualsImports', { body: ic({ TaskId: 'a-nope' }) }), /'a-nope' in field 'Task' is not found in the related table 'Project tasks' in company 'usmf'/);
      // Without ProjectDataAreaId the same row names a project and contract the resource's company does not have.
      await expectRejected(await fo.call('/data/ProjCDSActualsImports', { body: ic({ ProjectDataAreaId: '' }) }), /'PRJ-01000-AAAAAA' in field 'Project ID' is not found .* in company 'ussi'/);
      const stored = ((await (await fo.call("/data/ProjCDSActualsImports?cross-company=true&$filter=ActualId eq 'c-ic-x'")).json()) as Page).value;
      expect(stored).toEqual([]);
    });

    it('expands one level of navigation (single and collection), nothing deeper', async () => {
      const res = await fo.call("/data/ProjCDSProjects(dataAreaId='usmf',ProjectID='PRJ-01000-AAAAAA')?$select=ProjectID&$expand=ProjectContract,Tasks");
      expect(res.status).toBe(200);
      const row = (await res.json()) as { ProjectContract: Record<string, unknown>; Tasks: Array<Record<string, unknown>> };
      expect(row.ProjectContract).toMatchObject({ ProjectContractID: 'ORD-01000-AAAAAA', CustomerAccount: 'ACC-01000-AAAAAA' });
      expect(row.Tasks.map((t) => t.Name).sort()).toEqual(['Build', 'Design']);
      const contracts = (await (await fo.call('/data/ProjCDSProjectContracts?$expand=Projects,Customer')).json()) as Page;
      expect((contracts.value[0].Projects as unknown[]).length).toBeGreaterThanOrEqual(2);
      expect(contracts.value[0].Customer).toMatchObject({ OrganizationName: 'Fabrikam' });
      const nested = await fo.call('/data/ProjCDSProjects?$expand=ProjectContract($expand=Customer)');
      expect(nested.status).toBe(400);
      expect(((await nested.json()) as ErrorBody).error.innererror.message).toMatch(/Only the first level of \$expand/);
    });

    it('enforces F&O string lengths with the field, length and maximum', async () => {
      await expectRejected(
        await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-LONG', ProjectName: 'x'.repeat(61), ProjectContractID: 'ORD-01000-AAAAAA' } }),
        /field 'Project name' is too long: 61 characters, the maximum is 60.*ProjCDSProjectEntity\.ProjectName/,
      );
      await expectRejected(await fo.call('/data/ProjCDSProjectContracts', { body: { ProjectContractID: 'O'.repeat(21), CustomerAccount: 'ACC-01000-AAAAAA', CurrencyCode: 'USD' } }), /maximum is 20/);
    });
  });

  describe('functionality locking', () => {
    const project = "/data/ProjCDSProjects(dataAreaId='usmf',ProjectID='PRJ-01000-AAAAAA')";
    const contract = "/data/ProjCDSProjectContracts(dataAreaId='usmf',ProjectContractID='ORD-01000-AAAAAA')";
    beforeAll(async () => {
      const res = await fo.call("/data/ProjCDSIntegrationParameters(dataAreaId='usmf')", { method: 'PATCH', body: { LockProjectEdit: 'Yes', LockContractEdit: 'Yes', LockWorkBreakdownStructure: 'Yes' } });
      expect(res.status).toBe(204);
    });

    it('rejects edits of PSA-originated projects and contracts by other applications', async () => {
      await expectRejected(await fo.call(project, { method: 'PATCH', body: { ProjectName: 'Edited in F&O' }, auth: { appid: OTHER_APP } }), /Project 'PRJ-01000-AAAAAA' originates from Project Service Automation.*LockProjectEdit/);
      await expectRejected(await fo.call(contract, { method: 'PATCH', body: { Name: 'Edited' }, auth: { appid: OTHER_APP } }), /Project contract 'ORD-01000-AAAAAA' originates from Project Service Automation/);
      await expectRejected(await fo.call(project, { method: 'DELETE', auth: { appid: OTHER_APP } }), /cannot be changed/);
      await expectRejected(await fo.call('/data/ProjCDSTasks', { body: { Task: 'a-3', ProjectId: 'PRJ-01000-AAAAAA', Name: 'x' }, auth: { appid: OTHER_APP } }), /work breakdown structure cannot be changed/);
    });

    it('lets other applications edit the accounting fields', async () => {
      const res = await fo.call(project, { method: 'PATCH', body: { DefaultDimensionDisplayValue: '-022-' }, auth: { appid: OTHER_APP } });
      expect(res.status).toBe(204);
    });

    it('lets the integration application (token appid psafo-sandbox) edit', async () => {
      expect((await fo.call(project, { method: 'PATCH', body: { ProjectName: 'Renamed in PSA' } })).status).toBe(204);
      expect((await fo.call(contract, { method: 'PATCH', body: { Name: 'Renamed in PSA' } })).status).toBe(204);
    });

    it('does not lock records that did not originate from PSA, nor anything when locking is off', async () => {
      await fo.call('/data/ProjCDSProjects', { body: { ProjectID: 'PRJ-FO', ProjectName: 'F&O own', ProjectContractID: 'ORD-01000-AAAAAA', SourceDataID: '' } });
      expect((await fo.call("/data/ProjCDSProjects(dataAreaId='usmf',ProjectID='PRJ-FO')", { method: 'PATCH', body: { ProjectName: 'x' }, auth: { appid: OTHER_APP } })).status).toBe(204);
      expect((await fo.call("/data/ProjCDSIntegrationParameters(dataAreaId='usmf')", { method: 'PATCH', body: { LockProjectEdit: 'No' } })).status).toBe(204);
      expect((await fo.call(project, { method: 'PATCH', body: { ProjectName: 'Unlocked' }, auth: { appid: OTHER_APP } })).status).toBe(204);
    });
  });

  describe('import from staging table and posting', () => {
    beforeAll(async () => {
      const rows = [
        actual('c-time-cost', {}),
        actual('c-time-sales', { TransType: 'Sales', Amount: 1600 }),
        actual('c-exp-eur', { TransactionClassification: 192350001, TransactionCategory: CAT_TRAVEL, TransactionCurrencyId: 'EUR', Amount: 100, Quantity: 1 }),
        actual('c-fee', { TransactionClassification: 192350004, Amount: 250, Quantity: 1, BillingType: 'NonChargeable' }),
        actual('c-gbp', { TransactionCurrencyId: 'GBP', Amount: 50 }),
        actual('c-exp-nocat', { TransactionClassification: 192350001, TransactionCategory: 'cat-unlinked' }),
      ];
      for (const r of rows) expect((await fo.call('/data/ProjCDSActualsImports', { body: r })).status).toBe(201);
    });

    it('turns unjournalized staging actuals into journal lines, skipping the ones without a rate or category', async () => {
      const res = await fetch(`${fo.url}/_emulator/import-staging`, { method: 'POST', body: JSON.stringify({ dataAreaId: 'USMF' }), headers: { 'Content-Type': 'application/json' } });
      expect(res.status).toBe(200);
      const { companies } = (await res.json()) as { companies: Array<{ journalId: string; lines: number; skipped: number; errors: Array<{ actualId: string; message: string }> }> };
      expect(companies).toHaveLength(1);
      expect(companies[0]).toMatchObject({ journalId: 'USMF-PSAJ-000001', lines: 4, skipped: 2 });
      expect(companies[0].errors.find((e) => e.actualId === 'c-gbp')?.message).toMatch(/no exchange rate from GBP to USD on 2026-03-02/);
      expect(companies[0].errors.find((e) => e.actualId === 'c-exp-nocat')?.message).toMatch(/No project category is linked to the transaction category 'cat-unlinked'/);
      const lines = ((await (await fo.call('/data/ProjCDSIntegrationJournalLines?$orderby=LineNum')).json()) as Page).value;
      expect(lines.map((l) => [l.ActualId, l.TransType, l.CategoryId, l.LineProperty, l.AmountMST])).toEqual([
        ['c-time-cost', 'Cost', 'Hours', 'Charge', 800],
        ['c-time-sales', 'Sales', 'Hours', 'Charge', 1600],
        ['c-exp-eur', 'Cost', 'Airfare', 'Charge', 110],
        ['c-fee', 'Cost', 'Fee', 'NonCharge', 250],
      ]);
      const logged = ((await (await fo.call('/data/ProjCDSIntegrationImportErrors')).json()) as Page).value;
      expect(logged.map((l) => l.ActualId).sort()).toEqual(['c-exp-nocat', 'c-gbp']);
      const staged = ((await (await fo.call("/data/ProjCDSActualsImports?$filter=IsJournalized eq Microsoft.Dynamics.DataEntities.NoYes'Yes'&$select=ActualId")).json()) as Page).value;
      expect(staged).toHaveLength(4);
    });

    it('a second import journalizes nothing twice', async () => {
      const res = await fetch(`${fo.url}/_emulator/import-staging`, { method: 'POST' });
      const { companies } = (await res.json()) as { companies: Array<{ dataAreaId: string; lines: number; skipped: number }> };
      expect(companies.find((c) => c.dataAreaId === 'usmf')).toMatchObject({ lines: 0, skipped: 2 });
      expect(companies.find((c) => c.dataAreaId === 'ussi')).toMatchObject({ lines: 1 });
      const lines = ((await (await fo.call('/data/ProjCDSIntegrationJournalLines?cross-company=true&$count=true')).json()) as Page & { '@odata.count': number });
      expect(lines['@odata.count']).toBe(5);
    });

    it('posting assigns a voucher per line and writes Voucher and ExternalReference back on the staging rows', async () => {
      const res = await fetch(`${fo.url}/_emulator/post-journal`, { method: 'POST', body: JSON.stringify({ dataAreaId: 'usmf' }) });
      expect(res.status).toBe(200);
      const { journals } = (await res.json()) as { journals: Array<{ journalId: string; vouchers: Array<{ actualId: string; voucher: string }> }> };
      expect(journals).toHaveLength(1);
      expect(journals[0].vouchers.map((v) => v.voucher)).toEqual(['USMF-PSAV-000001', 'USMF-PSAV-000002', 'USMF-PSAV-000003', 'USMF-PSAV-000004']);
      const row = (await (await fo.call("/data/ProjCDSActualsImports(dataAreaId='usmf',ActualId='c-time-sales')")).json()) as Record<string, unknown>;
      expect(row).toMatchObject({ Voucher: 'USMF-PSAV-000002', ExternalReference: 'USMF-PSAV-000002', IsJournalized: 'Yes' });
      const vouchers = ((await (await fo.call('/data/ProjCDSIntegrationVouchers?$orderby=Voucher')).json()) as Page).value;
      expect(vouchers.map((v) => [v.Voucher, v.ActualId])).toEqual(journals[0].vouchers.map((v) => [v.voucher, v.actualId]));
      const journal = (await (await fo.call(`/data/ProjCDSIntegrationJournals(dataAreaId='usmf',JournalId='${journals[0].journalId}')`)).json()) as Record<string, unknown>;
      expect(journal.Posted).toBe('Yes');
      const again = (await (await fetch(`${fo.url}/_emulator/post-journal`, { method: 'POST', body: '{"dataAreaId":"usmf"}' })).json()) as { journals: unknown[] };
      expect(again.journals).toHaveLength(0);
    });

    it('a deleted unposted journal line comes back with the next import; a posted one cannot be deleted', async () => {
      const ussi = ((await (await fo.call("/data/ProjCDSIntegrationJournalLines?cross-company=true&$filter=dataAreaId eq 'ussi'")).json()) as Page).value;
      expect(ussi).toHaveLength(1);
      const del = await fo.call(`/data/ProjCDSIntegrationJournalLines(dataAreaId='ussi',JournalId='${String(ussi[0].JournalId)}',LineNum=1)`, { method: 'DELETE' });
      expect(del.status).toBe(204);
      expect(await (await fo.call("/data/ProjCDSActualsImports(dataAreaId='ussi',ActualId='c-ic')")).json()).toMatchObject({ IsJournalized: 'No' });
      const again = (await (await fetch(`${fo.url}/_emulator/import-staging`, { method: 'POST', body: '{"dataAreaId":"ussi"}' })).json()) as { companies: Array<{ lines: number }> };
      expect(again.companies[0].lines).toBe(1);
      await expectRejected(
        await fo.call("/data/ProjCDSIntegrationJournalLines(dataAreaId='usmf',JournalId='USMF-PSAJ-000001',LineNum=1)", { method: 'DELETE' }),
        /is posted \(voucher USMF-PSAV-000001\) and cannot be deleted/,
      );
    });

    it('journal lines are read-only', async () => {
      const res = await fo.call("/data/ProjCDSIntegrationJournalLines(dataAreaId='usmf',JournalId='USMF-PSAJ-000001',LineNum=1)", { method: 'PATCH', body: { Amount: 1 } });
      expect(res.status).toBe(400);
    });
  });
});
