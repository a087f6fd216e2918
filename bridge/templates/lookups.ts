import { DV } from './entities';
import type { LookupDef } from './types';

/** Dataverse lookups the mapping tables read through (`name.field` source paths). */
export const lookup = {
  currency: (attribute = '_transactioncurrencyid_value'): LookupDef => ({ attribute, entitySet: DV.currencies.set, idField: DV.currencies.id, fields: ['isocurrencycode'] }),
  account: (attribute: string): LookupDef => ({
    attribute, entitySet: DV.accounts.set, idField: DV.accounts.id, fields: ['accountnumber'], keyMap: { task: 'accounts', keyField: 'CustomerAccount' },
  }),
  order: (attribute: string): LookupDef => ({
    attribute, entitySet: DV.salesorders.set, idField: DV.salesorders.id, fields: ['ordernumber'], keyMap: { task: 'contracts', keyField: 'ProjectContractID' },
  }),
  project: (attribute = '_msdyn_project_value'): LookupDef => ({
    attribute, entitySet: DV.projects.set, idField: DV.projects.id, fields: ['msdynce_projectnumber'], keyMap: { task: 'projects', keyField: 'ProjectID' },
  }),
  orgUnit: (attribute: string): LookupDef => ({ attribute, entitySet: DV.orgUnits.set, idField: DV.orgUnits.id, fields: ['msdyn_name'] }),
} as const;
