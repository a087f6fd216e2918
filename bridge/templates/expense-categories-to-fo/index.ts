import type { TemplateDef } from '../types';
import { categoriesToFoTask } from './mapping';

export const expenseCategoriesToFo: TemplateDef = {
  id: 'expense-categories-to-fo',
  name: 'Project expense transaction categories (PSA to Fin and Ops)',
  direction: 'psa-to-fo',
  dependsOn: ['expense-categories-to-psa'],
  tasks: [categoriesToFoTask],
};
