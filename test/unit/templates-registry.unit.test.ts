import { TEMPLATES, TEMPLATE_IDS, taskIndex, templates } from '../../bridge/templates';

describe('template registry', () => {
  it('holds the nine templates of DESIGN §5 with unique task ids', () => {
    expect(TEMPLATE_IDS).toEqual([
      'accounts-to-customers', 'projects-and-contracts', 'project-tasks', 'expense-categories-to-psa', 'expense-categories-to-fo',
      'hour-estimates', 'expense-estimates', 'actuals', 'actuals-update-to-psa',
    ]);
    const ids = TEMPLATES.flatMap((t) => t.tasks.map((k) => k.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('references only known templates and tasks, and maps every key field', () => {
    const index = taskIndex(TEMPLATES);
    for (const t of TEMPLATES) {
      for (const d of t.dependsOn) expect(TEMPLATE_IDS).toContain(d);
      for (const task of t.tasks) {
        for (const p of task.parents) expect(index.has(p.task)).toBe(true);
        const dest = task.mapping.map((m) => m.destination);
        for (const k of task.destination.keyFields) expect(dest).toContain(k);
        if (task.routing.kind === 'parent') expect(task.parents.map((p) => p.name)).toContain(task.routing.parent);
      }
    }
  });
  it('switches the milestone source to the PSA 2.x string field', () => {
    const v1 = templates({ milestoneSource: '2.x' }).find((t) => t.id === 'projects-and-contracts');
    const m = v1?.tasks.find((k) => k.id === 'milestones');
    expect(m?.mapping.find((r) => r.destination === 'ContractLineRef')?.source).toBe('msdyn_contractline');
  });
});
