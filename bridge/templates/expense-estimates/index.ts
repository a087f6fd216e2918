import type { TemplateDef } from '../types';
import { estimateRelationshipsTask, expenseEstimatesTask } from './mapping';

/** Estimate lines run before their relationships, so a relationship's company is its estimate line's. */
export const expenseEstimates: TemplateDef = {
  id: 'expense-estimates',
  name: 'Project expense estimates (PSA to Fin and Ops)',
  direction: 'psa-to-fo',
  dependsOn: ['project-tasks', 'expense-categories-to-fo'],
  tasks: [expenseEstimatesTask, estimateRelationshipsTask],
};
