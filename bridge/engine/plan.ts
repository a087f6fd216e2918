import type { TaskDef, TemplateDef, TemplateId } from '../templates/types';
import { PlanError } from './errors';

export interface PlannedTask {
  readonly template: TemplateDef;
  readonly task: TaskDef;
}

/**
 * Orders the selected templates by their dependencies (Kahn's topological sort, registry order as
 * the tie-break) and flattens them into tasks in template order. A dependency on a template that is
 * not selected is ignored (it ran before or is mastered elsewhere); a cycle is rejected.
 */
export function planRun(all: readonly TemplateDef[], selected: readonly TemplateId[]): PlannedTask[] {
  const byId = new Map(all.map((t) => [t.id, t]));
  for (const id of selected) if (!byId.has(id)) throw new PlanError(`unknown template '${id}'`);
  const chosen = all.filter((t) => selected.includes(t.id));
  const inDegree = new Map(chosen.map((t) => [t.id, t.dependsOn.filter((d) => selected.includes(d)).length]));
  const order: TemplateDef[] = [];
  const ready = chosen.filter((t) => inDegree.get(t.id) === 0);
  while (ready.length > 0) {
    const t = ready.shift() as TemplateDef;
    order.push(t);
    for (const next of chosen) {
      if (!next.dependsOn.includes(t.id)) continue;
      const n = (inDegree.get(next.id) ?? 0) - 1;
      inDegree.set(next.id, n);
      if (n === 0) ready.push(next);
    }
    ready.sort((a, b) => chosen.indexOf(a) - chosen.indexOf(b));
  }
  if (order.length !== chosen.length) {
    const stuck = chosen.filter((t) => !order.includes(t)).map((t) => t.id);
    throw new PlanError(`template dependencies form a cycle among: ${stuck.join(', ')}`);
  }
  return order.flatMap((template) => template.tasks.map((task) => ({ template, task })));
}
