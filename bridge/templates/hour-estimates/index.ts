import type { TemplateDef } from '../types';
import { hourEstimatesTask } from './mapping';

export const hourEstimates: TemplateDef = {
  id: 'hour-estimates',
  name: 'Project hour estimates (PSA to Fin and Ops)',
  direction: 'psa-to-fo',
  dependsOn: ['project-tasks', 'expense-categories-to-fo'],
  tasks: [hourEstimatesTask],
};
