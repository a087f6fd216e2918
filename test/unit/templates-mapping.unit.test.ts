import { mapRecord, type MapOutcome } from '../../bridge/templates/map-record';
import { contractLinesTask, contractsTask, milestonesTask, milestonesTaskV1, projectsTask } from '../../bridge/templates/projects-and-contracts/mapping';
import { projectTasksTask } from '../../bridge/templates/project-tasks/mapping';
import { hourEstimatesTask } from '../../bridge/templates/hour-estimates/mapping';
import { estimateRelationshipsTask, expenseEstimatesTask } from '../../bridge/templates/expense-estimates/mapping';
import { actualRelationshipsTask, actualsTask } from '../../bridge/templates/actuals/mapping';
import { categoriesToPsaTask } from '../../bridge/templates/expense-categories-to-psa/mapping';
import { categoriesToFoTask } from '../../bridge/templates/expense-categories-to-fo/mapping';
import { actualsUpdateTask } from '../../bridge/templates/actuals-update-to-psa/mapping';
import { accountsTask } from '../../bridge/templates/accounts-to-customers/mapping';
import { nameUuid } from '../../bridge/templates/transforms/name-uuid';
import { mapContext } from '../fixtures/engine/map-context';
import { IDS, actual, connection, contractLine, estimateLine, milestone, order, project, task } from '../fixtures/engine/psa-records';

function payloadOf(o: MapOutcome, i = 0): Record<string, unknown> {
  if (o.kind !== 'mapped') throw new Error(`expected mapped, got ${JSON.stringify(o)}`);
  return { ...o.records[i].payload };
}

describe('projects-and-contracts', () => {
  it('maps the example contract exactly as the spec table says, routed by contracting unit', () => {
    const o = mapRecord(contractsTask, order, mapContext({ parents: { [`accounts:${IDS.account}`]: 'USSI' } }));
    expect(payloadOf(o)).toEqual({
      dataAreaId: 'USSI',
      ExchangeRate: 1,
      Name: "Fabrikam's \"Phase 1\" rollout",
      CurrencyCode: 'USD',
      CustomerAccount: 'ACC-01000-BVRCPS',
      PaymentTerms: '2%10Net30',
      ProjectContractID: 'ORD-01022-Z4M9Q0',
      SourceDataID: 'Project Service Automation',
    });
    expect(o.kind === 'mapped' && o.records[0].key).toEqual({ dataAreaId: 'USSI', ProjectContractID: 'ORD-01022-Z4M9Q0' });
  });

  it('routes Contoso Global to USMF', () => {
    const o = mapRecord(contractsTask, { ...order, _msdyn_contractorganizationalunitid_value: IDS.unitGlobal }, mapContext({ untracked: ['accounts'] }));
    expect(payloadOf(o).dataAreaId).toBe('USMF');
  });

  it('drops item-based orders with the shipped filter', () => {
    const o = mapRecord(contractsTask, { ...order, msdyn_ordertype: 192350000 }, mapContext({ untracked: ['accounts'] }));
    expect(o.kind).toBe('filtered');
  });

  it('makes an unmapped payment term a record error naming the value', () => {
    const o = mapRecord(contractsTask, { ...order, paymenttermscode: 7 }, mapContext({ untracked: ['accounts'] }));
    expect(o).toMatchObject({ kind: 'error' });
    expect(o.kind === 'error' && o.message).toMatch(/value 7 of paymenttermscode has no entry in value map paymentTerms/);
  });

  it('skips a contract whose contracting unit is unmapped, with a visible reason', () => {
    const o = mapRecord(contractsTask, { ...order, _msdyn_contractorganizationalunitid_value: IDS.unitNowhere }, mapContext({ untracked: ['accounts'] }));
    expect(o.kind).toBe('skipped');
    expect(o.kind === 'skipped' && o.reason).toMatch(/'Contoso Mars' is not mapped to a legal entity/);
  });

  it('holds a contract whose customer account is not synced yet', () => {
    const o = mapRecord(contractsTask, order, mapContext());
    expect(o).toEqual({ kind: 'held', sourceId: IDS.order, parent: { name: 'customer account', id: IDS.account, task: 'accounts' } });
  });

  it('maps the example project', () => {
    const o = mapRecord(projectsTask, project, mapContext({ parents: { [`contracts:${IDS.order}`]: 'USSI' } }));
    expect(payloadOf(o)).toEqual({
      dataAreaId: 'USSI',
      ProjectID: 'PRJ-01049-CCNID0',
      ProjectName: 'Fabrikam rollout',
      ProjectedStartDate: '2026-01-05T00:00:00Z',
      ProjectedEndDate: '2026-06-30T00:00:00Z',
      StartDate: '2026-01-06T00:00:00Z',
      EndDate: null,
      ProjectContractID: 'ORD-01022-Z4M9Q0',
      CustomerAccount: 'ACC-01000-BVRCPS',
      SourceDataID: 'Project Service Automation',
    });
  });

  it('makes a missing project number a record error', () => {
    const o = mapRecord(projectsTask, { ...project, msdynce_projectnumber: null }, mapContext({ parents: { [`contracts:${IDS.order}`]: 'USSI' } }));
    expect(o.kind === 'error' && o.message).toBe('required field msdynce_projectnumber (ProjectID) is empty');
  });

  it('maps a contract line with the TYPE value map and the contract company', () => {
    const ctx = mapContext({ parents: { [`contracts:${IDS.order}`]: 'USMF', [`projects:${IDS.project}`]: 'USMF' } });
    expect(payloadOf(mapRecord(contractLinesTask, contractLine, ctx))).toEqual({
      dataAreaId: 'USMF',
      Description: 'Implementation services',
      ContractId: 'ORD-01022-Z4M9Q0',
      ContractLine: 1,
      ProjectId: 'PRJ-01049-CCNID0',
      Type: 'FixedPrice',
      TransactionId: IDS.line,
    });
    expect(payloadOf(mapRecord(contractLinesTask, { ...contractLine, msdyn_billingmethod: 192350000 }, ctx)).Type).toBe('TimeMaterial');
  });

  it('maps milestones from the 3.x lookup and the 2.x string', () => {
    const ctx = mapContext({ parents: { [`contract-lines:${IDS.line}`]: 'USSI' } });
    const expected = { dataAreaId: 'USSI', ContractLineRef: IDS.line, CurrencyId: 'USD', Description: 'Go-live', InvoiceDate: '2026-03-31T00:00:00Z', TransactionId: IDS.milestone, Amount: 25000 };
    expect(payloadOf(mapRecord(milestonesTask, milestone, ctx))).toEqual(expected);
    expect(payloadOf(mapRecord(milestonesTaskV1, { ...milestone, _msdyn_contractlineid_value: null }, ctx))).toEqual(expected);
  });

  it('reports a broken reference', () => {
    const o = mapRecord(contractLinesTask, { ...contractLine, _msdyn_project_value: '5a0e7c1e-0000-4000-8000-0000000000ff' }, mapContext({ parents: { [`contracts:${IDS.order}`]: 'USSI' } }));
    expect(o.kind === 'error' && o.message).toMatch(/broken reference: _msdyn_project_value points to msdyn_projects\(5a0e7c1e-0000-4000-8000-0000000000ff\)/);
  });
});

describe('project-tasks and hour-estimates', () => {
  const ctx = mapContext({ parents: { [`projects:${IDS.project}`]: 'USSI', [`tasks:${IDS.parentTask}`]: 'USSI', [`tasks:${IDS.task}`]: 'USSI' } });

  it('maps a task', () => {
    expect(payloadOf(mapRecord(projectTasksTask, task, ctx))).toEqual({
      dataAreaId: 'USSI',
      ProjectId: 'PRJ-01049-CCNID0',
      Task: IDS.task,
      Name: 'Design',
      WorkBreakdownStructureID: '1.1',
      ParentTask: IDS.parentTask,
    });
  });

  it('drops resource line tasks in both templates and summary rows without category in hour estimates', () => {
    expect(mapRecord(projectTasksTask, { ...task, msdyn_islinetask: true }, ctx).kind).toBe('filtered');
    expect(mapRecord(hourEstimatesTask, { ...task, msdyn_islinetask: true }, ctx).kind).toBe('filtered');
    expect(mapRecord(hourEstimatesTask, { ...task, _msdyn_transactioncategory_value: null }, ctx).kind).toBe('filtered');
    expect(mapRecord(projectTasksTask, { ...task, _msdyn_transactioncategory_value: null }, ctx).kind).toBe('mapped');
  });

  it('holds a task whose parent task is not in F&O yet', () => {
    const o = mapRecord(projectTasksTask, task, mapContext({ parents: { [`projects:${IDS.project}`]: 'USSI' } }));
    expect(o.kind === 'held' && o.parent).toEqual({ name: 'parent task', id: IDS.parentTask, task: 'tasks' });
  });

  it('maps an hour estimate with the configured forecast model', () => {
    expect(payloadOf(mapRecord(hourEstimatesTask, task, ctx))).toEqual({
      dataAreaId: 'USSI',
      ProjectId: 'PRJ-01049-CCNID0',
      TaskId: IDS.task,
      StartDate: '2026-01-06T00:00:00Z',
      Description: 'Design',
      Duration: 80,
      SalesCurrency: 'USD',
      ExchangeRate: 1,
      PlannedCostAmount: 8000,
      PlannedSalesAmount: 12000,
      ForecastModel: 'FM-2026',
    });
  });
});

describe('expense-estimates', () => {
  const ctx = mapContext({
    parents: { [`projects:${IDS.project}`]: 'USSI', [`tasks:${IDS.task}`]: 'USSI', [`categories-to-fo:${IDS.category}`]: 'USSI', [`expense-estimates:${IDS.estimate}`]: 'USSI' },
  });
  it('maps an estimate line with billing type text, TransType and ModelId', () => {
    expect(payloadOf(mapRecord(expenseEstimatesTask, estimateLine, ctx))).toEqual({
      dataAreaId: 'USSI',
      ExchangeRate: 1,
      ProjectId: 'PRJ-01049-CCNID0',
      DocumentDate: '2026-02-01T00:00:00Z',
      Description: 'Travel',
      BillingType: 'Chargeable',
      CurrencyId: 'USD',
      Quantity: 2,
      Price: 450,
      TransactionCategory: IDS.category,
      TaskId: IDS.task,
      EstimateLineId: IDS.estimate,
      TransType: 'Sales',
      ModelId: 'FM-2026',
    });
    const other = payloadOf(mapRecord(expenseEstimatesTask, { ...estimateLine, msdyn_billingtype: 192350003, msdyn_transactiontypecode: 192350006 }, ctx));
    expect(other.BillingType).toBe('NotAvailable');
    expect(other.TransType).toBeNull();
  });
  it('keeps only estimate-line connections', () => {
    expect(mapRecord(estimateRelationshipsTask, connection, ctx).kind).toBe('filtered');
    const est = { ...connection, msdyn_transaction1: IDS.estimate, msdyn_transaction1type: 'msdyn_estimateline', msdyn_transaction2type: 'msdyn_estimateline' };
    expect(payloadOf(mapRecord(estimateRelationshipsTask, est, ctx)).Transaction1Id).toBe(IDS.estimate);
  });
});

describe('actuals', () => {
  const parents = { [`projects:${IDS.project}`]: 'USSI', [`tasks:${IDS.task}`]: 'USSI', [`categories-to-fo:${IDS.category}`]: 'USSI', [`actuals:${IDS.actual}`]: 'USMF' };
  it('maps the example actual to the resourcing unit company, without PROJECTDATAAREAID by default', () => {
    const p = payloadOf(mapRecord(actualsTask, actual, mapContext({ parents })));
    expect(p).toEqual({
      dataAreaId: 'USMF',
      ActualId: IDS.actual,
      AccountingDate: '2026-02-10T00:00:00Z',
      Amount: 1200,
      AmountMST: 1200,
      BillingType: 'Chargeable',
      ContractId: 'ORD-01022-Z4M9Q0',
      ContractingUnit: IDS.unitUs,
      Description: 'Design work',
      DocumentDate: '2026-02-10T00:00:00Z',
      ExchangeRateDate: '2026-02-10T00:00:00Z',
      ExchangeRate: 1,
      ExternalDescription: 'Design',
      ExternalReference: null,
      EndDate: '2026-02-10T17:00:00Z',
      StartDate: '2026-02-10T09:00:00Z',
      TaskId: IDS.task,
      ProjectId: 'PRJ-01049-CCNID0',
      TransactionCategory: IDS.category,
      TransactionClassification: 192350000,
      Quantity: 8,
      TransactionCurrencyId: 'USD',
      UnitPrice: 150,
      UnitPriceMST: 150,
      ResourceOperationUnitId: IDS.unitGlobal,
      TransType: 'Sales',
    });
  });
  it('sets intercompany PROJECTDATAAREAID from the contracting unit when enabled', () => {
    expect(payloadOf(mapRecord(actualsTask, actual, mapContext({ parents, settings: { intercompany: true } }))).ProjectDataAreaId).toBe('USSI');
  });
  it('maps Tax class to Tax and the other transaction types', () => {
    const ctx = mapContext({ parents });
    expect(payloadOf(mapRecord(actualsTask, { ...actual, msdyn_transactionclassification: 690970002 }, ctx)).TransType).toBe('Tax');
    expect(payloadOf(mapRecord(actualsTask, { ...actual, msdyn_transactiontypecode: 192350000 }, ctx)).TransType).toBe('Cost');
    expect(payloadOf(mapRecord(actualsTask, { ...actual, msdyn_transactiontypecode: 192350008 }, ctx)).TransType).toBe('InterOrgSales');
    expect(mapRecord(actualsTask, { ...actual, msdyn_transactiontypecode: 192350004 }, ctx).kind).toBe('skipped');
  });
  it('sends a Dataverse date-time (a Date from dynamics-web-api) as its ISO text, the company first in the payload', () => {
    const o = mapRecord(actualsTask, { ...actual, msdyn_accountingdate: new Date('2026-02-10T09:30:00Z') }, mapContext({ parents }));
    if (o.kind !== 'mapped') throw new Error(o.kind);
    expect(o.records[0].payload.AccountingDate).toBe('2026-02-10T09:30:00.000Z');
    expect(Object.keys(o.records[0].payload)[0]).toBe('dataAreaId');
  });
  it('skips an actual of an unmapped resourcing unit with a reason', () => {
    const o = mapRecord(actualsTask, { ...actual, _msdyn_resourceorganizationalunitid_value: IDS.unitNowhere }, mapContext({ parents }));
    expect(o.kind === 'skipped' && o.reason).toMatch(/Contoso Mars/);
  });
  it('maps connections between actuals into the actual company', () => {
    expect(payloadOf(mapRecord(actualRelationshipsTask, connection, mapContext({ parents })))).toEqual({
      dataAreaId: 'USMF',
      ConnectionId: IDS.connection,
      Transaction1Id: IDS.actual,
      Transaction1Role: 192350000,
      Transaction1Type: 'msdyn_actual',
      Transaction2Id: connection.msdyn_transaction2,
      Transaction2Role: 192350001,
      Transaction2Type: 'msdyn_actual',
    });
  });
});

describe('categories and accounts', () => {
  it('maps an F&O category to PSA with Chargeable billing type and a stable id', () => {
    const fo = { CategoryId: 'Travel', IntegrationId: '', dataAreaId: 'USMF' };
    const p = payloadOf(mapRecord(categoriesToPsaTask, fo, mapContext()));
    expect(p).toEqual({ msdyn_transactioncategoryid: nameUuid('Travel'), msdyn_name: 'Travel', msdyn_billingtype: 192350001 });
    expect(payloadOf(mapRecord(categoriesToPsaTask, { ...fo, CategoryId: 'Hotel' }, mapContext())).msdyn_transactioncategoryid).toBe(IDS.category);
    expect(nameUuid('Travel')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payloadOf(mapRecord(categoriesToPsaTask, { ...fo, IntegrationId: IDS.category }, mapContext())).msdyn_transactioncategoryid).toBe(IDS.category);
  });
  it('writes a PSA category to every legal entity with its integration id', () => {
    const o = mapRecord(categoriesToFoTask, { msdyn_transactioncategoryid: IDS.category, msdyn_name: 'Travel' }, mapContext());
    expect(o.kind === 'mapped' && o.records.map((r) => r.payload)).toEqual([
      { dataAreaId: 'USMF', IntegrationId: IDS.category, CategoryId: 'Travel' },
      { dataAreaId: 'USSI', IntegrationId: IDS.category, CategoryId: 'Travel' },
    ]);
  });
  it('gives each legal entity its own payload object, the company first', () => {
    const o = mapRecord(categoriesToFoTask, { msdyn_transactioncategoryid: IDS.category, msdyn_name: 'Travel' }, mapContext());
    if (o.kind !== 'mapped') throw new Error(o.kind);
    expect(o.records[0].payload).not.toBe(o.records[1].payload);
    expect(o.records.map((r) => Object.keys(r.payload)[0])).toEqual(['dataAreaId', 'dataAreaId']);
  });
  it('maps an account to a customer with the configured customer group', () => {
    const o = mapRecord(accountsTask, { accountid: IDS.account, accountnumber: 'ACC-01000-BVRCPS', name: 'Fabrikam', _transactioncurrencyid_value: IDS.usd }, mapContext());
    expect(payloadOf(o)).toEqual({ dataAreaId: 'USMF', CustomerAccount: 'ACC-01000-BVRCPS', OrganizationName: 'Fabrikam', CustomerGroupId: '30', SalesCurrencyCode: 'USD' });
  });
});

describe('actuals-update-to-psa', () => {
  it('writes the voucher reference and lookups back as bindings', () => {
    const staging = {
      ActualId: IDS.actual, AccountingDate: '2026-02-10T00:00:00Z', Amount: 1200, AmountMST: 1200, BillingType: 'Chargeable', ContractingUnit: IDS.unitUs,
      Description: 'Design work', DocumentDate: '2026-02-10T00:00:00Z', ExchangeRateDate: '2026-02-10T00:00:00Z', ExchangeRate: 1, ExternalDescription: 'Design',
      ExternalReference: 'PSAJ-000123', Voucher: 'PSAJ-000123', EndDate: '2026-02-10T17:00:00Z', StartDate: '2026-02-10T09:00:00Z', TaskId: IDS.task,
      ProjectId: 'PRJ-01049-CCNID0', TransactionCategory: IDS.category, TransactionClassification: 192350000, TransactionCurrencyId: 'USD', Quantity: 8,
      UnitPrice: 150, UnitPriceMST: 150, ResourceOperationUnitId: IDS.unitGlobal, TransType: 'Sales', dataAreaId: 'USMF',
    };
    const p = payloadOf(mapRecord(actualsUpdateTask, staging, mapContext()));
    expect(p.msdyn_externalreferenceid).toBe('PSAJ-000123');
    expect(p.msdyn_billingtype).toBe(192350001);
    expect(p.msdyn_transactiontypecode).toBe(192350005);
    expect(p['msdyn_project@odata.bind']).toBe(`/msdyn_projects(${IDS.project})`);
    expect(p['transactioncurrencyid@odata.bind']).toBe(`/transactioncurrencies(${IDS.usd})`);
    expect(p['msdyn_task@odata.bind']).toBe(`/msdyn_projecttasks(${IDS.task})`);
    expect(mapRecord(actualsUpdateTask, { ...staging, Voucher: '' }, mapContext()).kind).toBe('filtered');
  });
});
