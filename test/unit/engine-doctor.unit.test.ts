import { checkMappings } from '../../bridge/engine/doctor';
import { exitCodeOf, summaryTable } from '../../bridge/engine/report';
import type { RunSummary } from '../../bridge/engine';
import { TEMPLATES } from '../../bridge/templates';
import type { TaskDef } from '../../bridge/templates/types';

/** Metadata that has exactly what the templates use, from the template tables themselves. */
function completeMetadata() {
  const dv = new Map<string, Set<string>>();
  const fo = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, set: string, fields: string[]) => m.set(set, new Set([...(m.get(set) ?? []), ...fields]));
  for (const t of TEMPLATES.flatMap((x) => x.tasks)) {
    const plain = (fs: (string | null)[]) => fs.filter((f): f is string => f !== null && !f.includes('.'));
    if (t.source.system === 'dataverse') {
      add(dv, t.source.entitySet, [...t.source.select, ...plain(t.mapping.map((r) => r.source)), ...t.filter.map((f) => f.field)]);
      for (const l of Object.values(t.source.lookups ?? {})) add(dv, l.entitySet, [...l.fields]);
      add(fo, t.destination.entitySet, ['dataAreaId', ...t.mapping.map((r) => r.destination)]);
    } else {
      add(fo, t.source.entitySet, [...t.source.select, ...plain(t.mapping.map((r) => r.source)), ...t.filter.map((f) => f.field)]);
      add(dv, t.destination.entitySet, t.mapping.map((r) => r.destination));
    }
  }
  return { dv: { entitySets: dv }, fo: { entitySets: fo } };
}

const setOf = (names: Record<string, string> = {}) => (task: TaskDef) => {
  const def = task.source.system === 'finops' ? task.source.entitySet : task.destination.entitySet;
  return { name: names[def] ?? def, setting: `finops.entitySets.${def}` };
};

describe('doctor mapping check', () => {
  it('finds nothing when both $metadata have every entity set and field', () => {
    const { dv, fo } = completeMetadata();
    expect(checkMappings(TEMPLATES, setOf(), dv, fo)).toEqual([]);
  });
  it('names a wrong entity set name and a mapped field F&O lacks', () => {
    const { dv, fo } = completeMetadata();
    fo.entitySets.get('ProjCDSProjects')?.delete('ProjectedEndDate');
    const problems = checkMappings(TEMPLATES, setOf({ ProjCDSTasks: 'ProjCDSTask' }), dv, fo).map((p) => `${p.where}: ${p.message}`);
    expect(problems).toEqual([
      "projects-and-contracts/projects: F&O field 'ProjCDSProjects.ProjectedEndDate' does not exist (mapped from msdyn_scheduledend)",
      "project-tasks/tasks: F&O entity set 'ProjCDSTask' (finops.entitySets.ProjCDSTasks) does not exist in the F&O $metadata; fix the name in the configuration",
    ]);
  });
  it('accepts a lookup attribute as its navigation property and reports a missing Dataverse field', () => {
    const { dv, fo } = completeMetadata();
    const tasks = dv.entitySets.get('msdyn_projecttasks') as Set<string>;
    tasks.delete('_msdyn_project_value');
    tasks.add('msdyn_project');
    tasks.delete('msdyn_wbsid');
    const problems = checkMappings(TEMPLATES, setOf(), dv, fo).map((p) => p.message);
    expect(problems).toEqual(["Dataverse field 'msdyn_projecttask.msdyn_wbsid' does not exist"]);
  });
});

describe('run report', () => {
  const base: RunSummary = {
    runId: 'r1', state: 'Warning', dryRun: false, upserts: 3, unchanged: 1, skipped: 0, errors: 1, failedTasks: 0, durationMs: 1500,
    tasks: [{ template: 'project-tasks', task: 'tasks', state: 'done', read: 5, upserts: 3, unchanged: 1, skipped: 0, filtered: 0, errors: 1, deleted: 0 }],
  };
  it('prints a table and the exit code 0/1/2', () => {
    const lines = summaryTable(base);
    expect(lines[0]).toMatch(/^template\s+task\s+read\s+written/);
    expect(lines[1]).toMatch(/^project-tasks\s+tasks\s+5\s+3\s+1\s+0\s+0\s+1\s+ok$/);
    expect(lines[2]).toBe('run r1: Warning; 3 written, 1 unchanged, 0 skipped, 1 errors in 1.5 s');
    expect(exitCodeOf(base)).toBe(1);
    expect(exitCodeOf({ ...base, errors: 0 })).toBe(0);
    expect(exitCodeOf({ ...base, failedTasks: 1 })).toBe(2);
  });
});
