import { DV, FO_ENTITY_SETS } from '../entities';
import { copy, fn, valueMap } from '../rows';
import type { TaskDef } from '../types';
import { actualsUpdateFilter, relationshipsUpdateFilter } from './filter';

/**
 * Task "Actuals" of "Project actuals update (Fin Ops to PSA)" (ActualsUpdateMapping.jpg). The voucher
 * reaches PSA as EXTERNALREFERENCE → msdyn_externalreferenceid (DESIGN §5). Lookups are written as bindings.
 */
export const actualsUpdateTask: TaskDef = {
  id: 'actuals-update',
  name: 'Actuals',
  source: {
    system: 'finops',
    entitySet: FO_ENTITY_SETS.actuals,
    entityName: 'ProjCDSActualsImport',
    idField: 'ActualId',
    select: [],
    serverFilter: "Voucher ne ''",
    // ActualsImportId: F&O's number of the staging row at insert; a row without a voucher is not posted yet
    watermark: { field: 'ActualsImportId', openFilter: "Voucher eq ''" },
  },
  destination: { system: 'dataverse', entitySet: DV.actuals.set, entityName: DV.actuals.name, keyFields: ['msdyn_actualid'] },
  mapping: [
    copy('ActualId', 'msdyn_actualid', true),
    copy('AccountingDate', 'msdyn_accountingdate'),
    copy('Amount', 'msdyn_amount'),
    copy('AmountMST', 'msdyn_amount_base'),
    valueMap('BillingType', 'msdyn_billingtype', 'billingTypeToPsa', 'null'),
    fn('ContractingUnit', 'msdyn_contractorganizationalunitid', { kind: 'bind', entitySet: DV.orgUnits.set, by: 'id' }),
    copy('Description', 'msdyn_description'),
    copy('DocumentDate', 'msdyn_documentdate'),
    copy('ExchangeRateDate', 'msdyn_exchangeratedate'),
    copy('ExchangeRate', 'exchangerate'),
    copy('ExternalDescription', 'msdyn_externaldescription'),
    copy('ExternalReference', 'msdyn_externalreferenceid'),
    copy('EndDate', 'msdyn_enddatetime'),
    copy('StartDate', 'msdyn_startdatetime'),
    fn('TaskId', 'msdyn_task', { kind: 'bind', entitySet: DV.tasks.set, by: 'id' }),
    fn('ProjectId', 'msdyn_project', { kind: 'bind', entitySet: DV.projects.set, by: 'keyMapProject' }),
    fn('TransactionCategory', 'msdyn_transactioncategory', { kind: 'bind', entitySet: DV.categories.set, by: 'id' }),
    copy('TransactionClassification', 'msdyn_transactionclassification'),
    fn('TransactionCurrencyId', 'transactioncurrencyid', { kind: 'bind', entitySet: DV.currencies.set, by: 'currencyCode' }),
    copy('Quantity', 'msdyn_quantity'),
    copy('UnitPrice', 'msdyn_price'),
    copy('UnitPriceMST', 'msdyn_price_base'),
    fn('ResourceOperationUnitId', 'msdyn_resourceorganizationalunitid', { kind: 'bind', entitySet: DV.orgUnits.set, by: 'id' }),
    valueMap('TransType', 'msdyn_transactiontypecode', 'transactionTypeToPsa', 'null'),
  ],
  filter: actualsUpdateFilter,
  routing: { kind: 'none' },
  parents: [],
  status: 'none',
};

/** Task "TransactionConnections" (TransactionConnectionsUpdate.jpg). */
export const relationshipsUpdateTask: TaskDef = {
  id: 'relationships-update',
  name: 'TransactionConnections',
  source: {
    system: 'finops',
    entitySet: FO_ENTITY_SETS.relationships,
    entityName: 'ProjCDSTransactionRelationshipImport',
    idField: 'ConnectionId',
    select: [],
    // F&O adds relationships only with the actuals it posts: those linked to the actuals read this run
    scopeTo: { task: 'actuals-update', fields: ['Transaction1Id', 'Transaction2Id'] },
  },
  destination: { system: 'dataverse', entitySet: DV.connections.set, entityName: DV.connections.name, keyFields: ['msdyn_transactionconnectionid'] },
  mapping: [
    copy('ConnectionId', 'msdyn_transactionconnectionid', true),
    copy('Transaction1Id', 'msdyn_transaction1'),
    copy('Transaction1Role', 'msdyn_transaction1role'),
    copy('Transaction1Type', 'msdyn_transaction1type'),
    copy('Transaction2Id', 'msdyn_transaction2'),
    copy('Transaction2Role', 'msdyn_transaction2role'),
    copy('Transaction2Type', 'msdyn_transaction2type'),
  ],
  filter: relationshipsUpdateFilter,
  routing: { kind: 'none' },
  parents: [],
  status: 'none',
  excludeSyncedBy: ['actual-relationships', 'estimate-relationships'],
};
