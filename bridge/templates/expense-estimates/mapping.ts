import { DV, FO_ENTITY_SETS } from '../entities';
import { lookup } from '../lookups';
import { relationshipTask } from '../relationship-rows';
import { copy, fn, valueMap } from '../rows';
import type { TaskDef } from '../types';
import { estimateRelationshipsFilter, expenseEstimatesFilter } from './filter';

/** Task "Expense estimates" (ExpenseEstimatesMapping.jpg); BillingType sent as the transformed text (spec §6.5 note). */
export const expenseEstimatesTask: TaskDef = {
  id: 'expense-estimates',
  name: 'Expense estimates',
  source: {
    system: 'dataverse',
    entitySet: DV.estimatelines.set,
    entityName: DV.estimatelines.name,
    idField: DV.estimatelines.id,
    select: ['msdyn_estimatelineid', 'exchangerate', 'msdyn_accountingdate', 'msdyn_description', 'msdyn_billingtype', 'msdyn_quantity', 'msdyn_price', 'msdyn_transactiontypecode', '_msdyn_project_value', '_msdyn_task_value', '_msdyn_transactioncategory_value', '_transactioncurrencyid_value'],
    lookups: { msdyn_project: lookup.project(), transactioncurrencyid: lookup.currency() },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.expenseEstimates, entityName: 'ProjCDSEstimateExpensesImport', keyFields: ['EstimateLineId'] },
  mapping: [
    copy('exchangerate', 'ExchangeRate'),
    copy('msdyn_project.msdynce_projectnumber', 'ProjectId', true),
    copy('msdyn_accountingdate', 'DocumentDate'),
    copy('msdyn_description', 'Description'),
    valueMap('msdyn_billingtype', 'BillingType', 'billingType', 'default', 'NotAvailable'),
    copy('transactioncurrencyid.isocurrencycode', 'CurrencyId'),
    copy('msdyn_quantity', 'Quantity'),
    copy('msdyn_price', 'Price'),
    copy('_msdyn_transactioncategory_value', 'TransactionCategory'),
    copy('_msdyn_task_value', 'TaskId'),
    copy('msdyn_estimatelineid', 'EstimateLineId', true),
    valueMap('msdyn_transactiontypecode', 'TransType', 'estimateTransactionType', 'null'),
    fn(null, 'ModelId', { kind: 'setting', setting: 'forecastModel' }),
  ],
  filter: expenseEstimatesFilter,
  routing: { kind: 'parent', parent: 'project' },
  parents: [
    { name: 'project', attribute: '_msdyn_project_value', task: 'projects' },
    { name: 'project task', attribute: '_msdyn_task_value', task: 'tasks' },
    { name: 'transaction category', attribute: '_msdyn_transactioncategory_value', task: 'categories-to-fo' },
  ],
  status: { countOnto: 'project' },
};

/** Task "Transaction relationships" (ExpenseEstimateTransactionRelationshipsMapping.jpg). */
export const estimateRelationshipsTask: TaskDef = relationshipTask({
  id: 'estimate-relationships',
  name: 'Transaction relationships',
  filter: estimateRelationshipsFilter,
  parent: { name: 'estimate line', attribute: 'msdyn_transaction1', task: 'expense-estimates' },
});
