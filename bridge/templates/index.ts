import { accountsToCustomers } from './accounts-to-customers';
import { actuals } from './actuals';
import { actualsUpdateToPsa } from './actuals-update-to-psa';
import { expenseCategoriesToFo } from './expense-categories-to-fo';
import { expenseCategoriesToPsa } from './expense-categories-to-psa';
import { expenseEstimates } from './expense-estimates';
import { hourEstimates } from './hour-estimates';
import { projectTasks } from './project-tasks';
import { projectsAndContracts, projectsAndContractsV1 } from './projects-and-contracts';
import type { TaskDef, TaskId, TemplateDef, TemplateId } from './types';

export type { TaskDef, TaskId, TemplateDef, TemplateId } from './types';

/** The explicit, typed registry of the nine templates (DESIGN §5 order). */
export const TEMPLATES: readonly TemplateDef[] = [
  accountsToCustomers,
  projectsAndContracts,
  projectTasks,
  expenseCategoriesToPsa,
  expenseCategoriesToFo,
  hourEstimates,
  expenseEstimates,
  actuals,
  actualsUpdateToPsa,
];

export const TEMPLATE_IDS: readonly TemplateId[] = TEMPLATES.map((t) => t.id);

export interface TemplateOptions {
  /** PSA 3.x milestone lookup (default) or the 2.x string field. */
  readonly milestoneSource: '3.x' | '2.x';
}

/** The registry with options applied (only the milestone source varies). */
export function templates(options: TemplateOptions = { milestoneSource: '3.x' }): readonly TemplateDef[] {
  return TEMPLATES.map((t) => (t.id === 'projects-and-contracts' && options.milestoneSource === '2.x' ? projectsAndContractsV1 : t));
}

export function isTemplateId(id: string): id is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(id);
}

/** Every task of the given templates by id. */
export function taskIndex(list: readonly TemplateDef[]): ReadonlyMap<TaskId, { template: TemplateDef; task: TaskDef }> {
  const out = new Map<TaskId, { template: TemplateDef; task: TaskDef }>();
  for (const template of list) for (const task of template.tasks) out.set(task.id, { template, task });
  return out;
}
