import type { TemplateDef } from '../types';
import { projectTasksTask } from './mapping';

export const projectTasks: TemplateDef = {
  id: 'project-tasks',
  name: 'Project tasks (PSA to Fin and Ops)',
  direction: 'psa-to-fo',
  dependsOn: ['projects-and-contracts'],
  tasks: [projectTasksTask],
};
