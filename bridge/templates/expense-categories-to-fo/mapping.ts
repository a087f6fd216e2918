import { DV, FO_ENTITY_SETS } from '../entities';
import { copy } from '../rows';
import type { TaskDef } from '../types';
import { categoriesToFoFilter } from './filter';

/** Task "Sync categories to Fin Ops" (ProjectExpenseCategoriesToFinOpsMapping.jpg): stamps IntegrationId, matched by CategoryId. */
export const categoriesToFoTask: TaskDef = {
  id: 'categories-to-fo',
  name: 'Sync categories to Fin Ops',
  source: { system: 'dataverse', entitySet: DV.categories.set, entityName: DV.categories.name, idField: DV.categories.id, select: ['msdyn_transactioncategoryid', 'msdyn_name'] },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.categories, entityName: 'ProjCDSCategory', keyFields: ['CategoryId'] },
  mapping: [copy('msdyn_transactioncategoryid', 'IntegrationId', true), copy('msdyn_name', 'CategoryId', true)],
  filter: categoriesToFoFilter,
  routing: { kind: 'allLegalEntities' },
  parents: [],
  status: 'none',
};
