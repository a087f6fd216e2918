import { DV, FO_ENTITY_SETS } from '../entities';
import { lookup } from '../lookups';
import { copy } from '../rows';
import type { TaskDef } from '../types';
import { projectTasksFilter } from './filter';

/** Task "Project tasks" (ProjectTasksMapping.png): PSA tasks become F&O activities keyed by the PSA task GUID. */
export const projectTasksTask: TaskDef = {
  id: 'tasks',
  name: 'Project tasks',
  source: {
    system: 'dataverse',
    entitySet: DV.tasks.set,
    entityName: DV.tasks.name,
    idField: DV.tasks.id,
    select: ['msdyn_projecttaskid', 'msdyn_subject', 'msdyn_wbsid', 'msdyn_islinetask', '_msdyn_project_value', '_msdyn_parenttask_value'],
    lookups: { msdyn_project: lookup.project() },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.tasks, entityName: 'ProjCDSTask', keyFields: ['Task'] },
  mapping: [
    copy('msdyn_project.msdynce_projectnumber', 'ProjectId', true),
    copy('msdyn_projecttaskid', 'Task', true),
    copy('msdyn_subject', 'Name'),
    copy('msdyn_wbsid', 'WorkBreakdownStructureID'),
    copy('_msdyn_parenttask_value', 'ParentTask'),
  ],
  filter: projectTasksFilter,
  routing: { kind: 'parent', parent: 'project' },
  parents: [
    { name: 'project', attribute: '_msdyn_project_value', task: 'projects' },
    { name: 'parent task', attribute: '_msdyn_parenttask_value', task: 'tasks' },
  ],
  status: 'own',
};
