import { dataverseSources } from '../../bridge/templates/sources';
import { desiredSteps } from '../../bridge/deploy/steps';
import { TEMPLATES } from '../../bridge/templates';

describe('webhook steps derived from the templates', () => {
  const sources = dataverseSources(TEMPLATES);

  it('covers every Dataverse source table of the PSA→F&O templates once', () => {
    const entities = sources.map((s) => s.entity);
    for (const table of ['msdyn_project', 'salesorder', 'salesorderdetail', 'msdyn_projecttask', 'msdyn_actual', 'msdyn_estimateline', 'account']) {
      expect(entities).toContain(table);
    }
    expect(new Set(entities).size).toBe(entities.length);
  });

  it('filters Update steps on the columns the templates read, never on the primary key', () => {
    const project = sources.find((s) => s.entity === 'msdyn_project');
    expect(project?.attributes).toEqual(expect.arrayContaining(['msdyn_subject']));
    expect(project?.attributes).not.toContain('msdyn_projectid');
  });

  it('plans one synchronous Sync now step and an asynchronous Create and Update step per table', () => {
    const steps = desiredSteps('psafo_SyncNow', sources);
    expect(steps.filter((s) => s.mode === 0).map((s) => s.message)).toEqual(['psafo_SyncNow']);
    expect(steps).toHaveLength(1 + 2 * sources.length);
    expect(new Set(steps.map((s) => s.name)).size).toBe(steps.length);
  });
});
