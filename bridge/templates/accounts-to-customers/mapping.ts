import { DV, FO_ENTITY_SETS } from '../entities';
import { lookup } from '../lookups';
import { copy, fn } from '../rows';
import type { TaskDef } from '../types';
import { accountsFilter } from './filter';

/**
 * Prerequisite "Accounts (Sales to Fin and Ops) - Direct", task "Accounts - Customers" (templates-spec §7):
 * the natural key is the account number; CustomerGroupId defaults to the template's `10` (a setting).
 */
export const accountsTask: TaskDef = {
  id: 'accounts',
  name: 'Accounts - Customers',
  source: {
    system: 'dataverse',
    entitySet: DV.accounts.set,
    entityName: DV.accounts.name,
    idField: DV.accounts.id,
    select: ['accountid', 'accountnumber', 'name', '_transactioncurrencyid_value'],
    lookups: { transactioncurrencyid: lookup.currency() },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.customers, entityName: 'CustomerV3', keyFields: ['CustomerAccount'] },
  mapping: [
    copy('accountnumber', 'CustomerAccount', true),
    copy('name', 'OrganizationName', true),
    fn(null, 'CustomerGroupId', { kind: 'setting', setting: 'customerGroup' }),
    copy('transactioncurrencyid.isocurrencycode', 'SalesCurrencyCode'),
  ],
  filter: accountsFilter,
  routing: { kind: 'allLegalEntities' },
  parents: [],
  status: 'own',
};
