import { DV, FO_ENTITY_SETS } from '../entities';
import { lookup } from '../lookups';
import { copy, fn } from '../rows';
import type { TaskDef } from '../types';
import { hourEstimatesFilter } from './filter';

/** Project hour estimates (ProjectHourEstimatesMapping.jpg); FORECASTMODEL is the required `forecastModel` setting. */
export const hourEstimatesTask: TaskDef = {
  id: 'hour-estimates',
  name: 'Project hour estimates',
  source: {
    system: 'dataverse',
    entitySet: DV.tasks.set,
    entityName: DV.tasks.name,
    idField: DV.tasks.id,
    select: ['msdyn_projecttaskid', 'msdyn_subject', 'msdyn_scheduledstart', 'msdyn_effort', 'exchangerate', 'msdyn_plannedcost', 'msdyn_plannedsales', 'msdyn_islinetask', '_msdyn_project_value', '_msdyn_transactioncategory_value', '_transactioncurrencyid_value'],
    lookups: { msdyn_project: lookup.project(), transactioncurrencyid: lookup.currency() },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.hourEstimates, entityName: 'ProjCDSEstimateHours', keyFields: ['TaskId'] },
  mapping: [
    copy('msdyn_project.msdynce_projectnumber', 'ProjectId', true),
    copy('msdyn_projecttaskid', 'TaskId', true),
    copy('msdyn_scheduledstart', 'StartDate'),
    copy('msdyn_subject', 'Description'),
    copy('msdyn_effort', 'Duration'),
    copy('transactioncurrencyid.isocurrencycode', 'SalesCurrency'),
    copy('exchangerate', 'ExchangeRate'),
    copy('msdyn_plannedcost', 'PlannedCostAmount'),
    copy('msdyn_plannedsales', 'PlannedSalesAmount'),
    fn(null, 'ForecastModel', { kind: 'setting', setting: 'forecastModel' }),
  ],
  filter: hourEstimatesFilter,
  routing: { kind: 'parent', parent: 'project task' },
  parents: [{ name: 'project task', attribute: 'msdyn_projecttaskid', task: 'tasks' }],
  status: { countOnto: 'project' },
};
