import type { TaskDef, TaskId } from '../templates/types';
import type { PlannedTask } from './plan';

/**
 * Tasks that read one Dataverse table with the same columns from the same saved delta token (the
 * expense estimates' and the actuals' TransactionConnections tasks both read every connection row):
 * the earlier task is run together with the later one, from one read. Only a task no other task
 * depends on is moved later (parents, key-map lookups, F&O echo checks, exclusions, scopes), and not
 * past an F&O→PSA task that writes the table. Returns follower → the task whose read it shares.
 */
export function sharedReads(plan: readonly PlannedTask[], tokenOf: (task: TaskId) => string | undefined): Map<TaskId, TaskId> {
  const referenced = new Set<TaskId>();
  for (const { task } of plan) {
    for (const p of task.parents) referenced.add(p.task);
    for (const l of Object.values(task.source.lookups ?? {})) if (l.keyMap) referenced.add(l.keyMap.task);
    if (task.cameFromFinOpsVia) referenced.add(task.cameFromFinOpsVia.task);
    for (const t of task.excludeSyncedBy ?? []) referenced.add(t);
    if (task.source.scopeTo) referenced.add(task.source.scopeTo.task);
  }
  const readerOf = new Map<TaskId, TaskId>();
  plan.forEach(({ template, task }, i) => {
    if (template.direction !== 'psa-to-fo' || referenced.has(task.id)) return;
    for (const later of plan.slice(i + 1)) {
      if (later.template.direction === 'fo-to-psa' && later.task.destination.entitySet === task.source.entitySet) return;
      if (later.template.direction === 'psa-to-fo' && sameRead(task, later.task) && tokenOf(task.id) === tokenOf(later.task.id)) {
        readerOf.set(task.id, later.task.id);
        return;
      }
    }
  });
  // a chain (a with b, b with c) reads once, with its last task
  for (const [follower, reader] of readerOf) {
    let last = reader;
    while (readerOf.has(last)) last = readerOf.get(last) as TaskId;
    readerOf.set(follower, last);
  }
  return readerOf;
}

function sameRead(a: TaskDef, b: TaskDef): boolean {
  if (a.source.system !== 'dataverse' || b.source.system !== 'dataverse' || a.source.entitySet !== b.source.entitySet) return false;
  const columns = new Set(a.source.select);
  return columns.size === new Set(b.source.select).size && b.source.select.every((c) => columns.has(c));
}
