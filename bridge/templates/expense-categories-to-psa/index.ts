import type { TemplateDef } from '../types';
import { categoriesToPsaTask } from './mapping';

export const expenseCategoriesToPsa: TemplateDef = {
  id: 'expense-categories-to-psa',
  name: 'Project expense transaction categories (Fin and Ops to PSA)',
  direction: 'fo-to-psa',
  dependsOn: [],
  tasks: [categoriesToPsaTask],
};
