import { DV, FO_ENTITY_SETS } from '../entities';
import { lookup } from '../lookups';
import { relationshipTask } from '../relationship-rows';
import { copy, fn, valueMap } from '../rows';
import type { TaskDef } from '../types';
import { actualRelationshipsFilter, actualsFilter } from './filter';

/**
 * Task "Actuals" (ActualsMapping.jpg) → the staging table. The actual goes to the legal entity of its
 * resourcing unit; PROJECTDATAAREAID (the contracting unit's legal entity) only when intercompany is on.
 */
export const actualsTask: TaskDef = {
  id: 'actuals',
  name: 'Actuals',
  source: {
    system: 'dataverse',
    entitySet: DV.actuals.set,
    entityName: DV.actuals.name,
    idField: DV.actuals.id,
    select: [
      'msdyn_actualid', 'msdyn_accountingdate', 'msdyn_amount', 'msdyn_amount_base', 'msdyn_billingtype', 'msdyn_description', 'msdyn_documentdate',
      'msdyn_exchangeratedate', 'exchangerate', 'msdyn_externaldescription', 'msdyn_externalreferenceid', 'msdyn_enddatetime', 'msdyn_startdatetime',
      'msdyn_transactionclassification', 'msdyn_transactiontypecode', 'msdyn_quantity', 'msdyn_price', 'msdyn_price_base',
      '_msdyn_salescontract_value', '_msdyn_contractorganizationalunitid_value', '_msdyn_task_value', '_msdyn_project_value',
      '_msdyn_transactioncategory_value', '_transactioncurrencyid_value', '_msdyn_resourceorganizationalunitid_value',
    ],
    lookups: {
      msdyn_salescontract: lookup.order('_msdyn_salescontract_value'),
      msdyn_project: lookup.project(),
      transactioncurrencyid: lookup.currency(),
      msdyn_contractorganizationalunitid: lookup.orgUnit('_msdyn_contractorganizationalunitid_value'),
      msdyn_resourceorganizationalunitid: lookup.orgUnit('_msdyn_resourceorganizationalunitid_value'),
    },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.actuals, entityName: 'ProjCDSActualsImport', keyFields: ['ActualId'] },
  mapping: [
    copy('msdyn_actualid', 'ActualId', true),
    copy('msdyn_accountingdate', 'AccountingDate'),
    copy('msdyn_amount', 'Amount'),
    copy('msdyn_amount_base', 'AmountMST'),
    valueMap('msdyn_billingtype', 'BillingType', 'billingType', 'default', 'NotAvailable'),
    copy('msdyn_salescontract.ordernumber', 'ContractId'),
    copy('_msdyn_contractorganizationalunitid_value', 'ContractingUnit'),
    copy('msdyn_description', 'Description'),
    copy('msdyn_documentdate', 'DocumentDate'),
    copy('msdyn_exchangeratedate', 'ExchangeRateDate'),
    copy('exchangerate', 'ExchangeRate'),
    copy('msdyn_externaldescription', 'ExternalDescription'),
    copy('msdyn_externalreferenceid', 'ExternalReference'),
    copy('msdyn_enddatetime', 'EndDate'),
    copy('msdyn_startdatetime', 'StartDate'),
    copy('_msdyn_task_value', 'TaskId'),
    copy('msdyn_project.msdynce_projectnumber', 'ProjectId', true),
    copy('_msdyn_transactioncategory_value', 'TransactionCategory'),
    copy('msdyn_transactionclassification', 'TransactionClassification'),
    copy('msdyn_quantity', 'Quantity'),
    copy('transactioncurrencyid.isocurrencycode', 'TransactionCurrencyId'),
    copy('msdyn_price', 'UnitPrice'),
    copy('msdyn_price_base', 'UnitPriceMST'),
    copy('_msdyn_resourceorganizationalunitid_value', 'ResourceOperationUnitId'),
    fn('msdyn_transactiontypecode', 'TransType', { kind: 'actualTransactionType', classificationField: 'msdyn_transactionclassification' }),
    fn('msdyn_contractorganizationalunitid.msdyn_name', 'ProjectDataAreaId', { kind: 'intercompanyLegalEntity' }),
  ],
  filter: actualsFilter,
  routing: { kind: 'orgUnit', lookup: 'msdyn_resourceorganizationalunitid' },
  parents: [
    { name: 'project', attribute: '_msdyn_project_value', task: 'projects' },
    { name: 'project task', attribute: '_msdyn_task_value', task: 'tasks' },
    { name: 'transaction category', attribute: '_msdyn_transactioncategory_value', task: 'categories-to-fo' },
  ],
  status: { countOnto: 'project' },
  filledByFinOps: ['ExternalReference'],
  cameFromFinOpsVia: { task: 'actuals-update', keyField: 'msdyn_actualid' },
};

/** Task "TransactionConnections" (TransactionConnections.jpg). */
export const actualRelationshipsTask: TaskDef = relationshipTask({
  id: 'actual-relationships',
  name: 'TransactionConnections',
  filter: actualRelationshipsFilter,
  parent: { name: 'actual', attribute: 'msdyn_transaction1', task: 'actuals' },
});
