import { DV, FO_ENTITY_SETS } from '../entities';
import { constant, copy, fn } from '../rows';
import type { TaskDef } from '../types';
import { PSA } from '../value-maps';
import { categoriesToPsaFilter } from './filter';

/**
 * Task "Sync categories to PSA" (ProjectExpenseCategoriesToPSAMapping.jpg). The shipped BillingType
 * column's `19235001` is read as 192350001 Chargeable (DESIGN §5). A category F&O has not linked yet
 * (no IntegrationId) gets a name-based id, so that rerunning never creates a second PSA category.
 */
export const categoriesToPsaTask: TaskDef = {
  id: 'categories-to-psa',
  name: 'Sync categories to PSA',
  source: { system: 'finops', entitySet: FO_ENTITY_SETS.categories, entityName: 'ProjCDSCategory', idField: 'CategoryId', select: ['CategoryId', 'IntegrationId', 'SharedCategory', 'dataAreaId'] },
  destination: { system: 'dataverse', entitySet: DV.categories.set, entityName: DV.categories.name, keyFields: ['msdyn_transactioncategoryid'] },
  mapping: [
    fn('IntegrationId', 'msdyn_transactioncategoryid', { kind: 'categoryId', nameField: 'CategoryId' }),
    copy('CategoryId', 'msdyn_name', true),
    constant('msdyn_billingtype', PSA.billingType.chargeable),
  ],
  filter: categoriesToPsaFilter,
  routing: { kind: 'none' },
  parents: [],
  status: 'none',
};
