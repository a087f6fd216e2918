import { planRun } from '../../bridge/engine/plan';
import { sharedReads } from '../../bridge/engine/shared-reads';
import { templates } from '../../bridge/templates';
import type { TaskId } from '../../bridge/templates/types';

describe('tasks that share one read of a table', () => {
  const all = templates({ milestoneSource: '3.x' });
  const plan = planRun(all, ['projects-and-contracts', 'project-tasks', 'expense-categories-to-fo', 'hour-estimates', 'expense-estimates', 'actuals']);

  it('runs the estimate connections with the actual connections when both start from the same token', () => {
    expect([...sharedReads(plan, () => undefined)]).toEqual([['estimate-relationships', 'actual-relationships']]);
    expect([...sharedReads(plan, () => 'token-1')]).toEqual([['estimate-relationships', 'actual-relationships']]);
  });

  it('reads apart when their tokens differ (one template ran alone) or the other template is not in the run', () => {
    const tokens: Partial<Record<TaskId, string>> = { 'estimate-relationships': 'token-2', 'actual-relationships': 'token-1' };
    expect(sharedReads(plan, (id) => tokens[id]).size).toBe(0);
    expect(sharedReads(planRun(all, ['projects-and-contracts', 'project-tasks', 'expense-categories-to-fo', 'expense-estimates']), () => undefined).size).toBe(0);
  });

  it('never moves a task another task depends on (the actuals are the connections’ parents)', () => {
    const moved = [...sharedReads(plan, () => undefined).keys()];
    for (const { task } of plan) for (const p of task.parents) expect(moved).not.toContain(p.task);
  });
});
