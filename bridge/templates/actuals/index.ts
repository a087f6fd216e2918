import type { TemplateDef } from '../types';
import { actualRelationshipsTask, actualsTask } from './mapping';

export const actuals: TemplateDef = {
  id: 'actuals',
  name: 'Project actuals (PSA to Fin and Ops)',
  direction: 'psa-to-fo',
  dependsOn: ['project-tasks', 'expense-categories-to-fo'],
  tasks: [actualsTask, actualRelationshipsTask],
};
