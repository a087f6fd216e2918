import { StatusCollector } from '../../bridge/engine/status';
import { actualsTask } from '../../bridge/templates/actuals/mapping';
import { SYNC_STATE } from '../../solution/tables/syncstatus';

const PROJECT = '5eed0008-0000-4000-8000-000000000002';
const ACTUAL = '5eed000c-0000-4000-8000-00000000000b';
const row = { msdyn_actualid: ACTUAL, _msdyn_project_value: PROJECT };

describe('status rows of counted records (actuals)', () => {
  it('are written for an error and counted onto the project', () => {
    const status = new StatusCollector();
    status.record(actualsTask, row, ACTUAL, 'Error', { message: 'Project not found' });
    const targets = status.targets('run-1', new Date('2026-11-28T12:00:00Z'));
    expect(targets.find((t) => t.psafo_recordid === ACTUAL)).toMatchObject({ psafo_state: SYNC_STATE.Error, psafo_message: 'Project not found' });
    expect(JSON.parse(String(targets.find((t) => t.psafo_recordid === PROJECT)?.psafo_details)).children.actuals).toEqual({ synced: 0, errors: 1, skipped: 0 });
  });

  it('are not written for a success, unless the record had an Error row, which the success then clears', () => {
    const quiet = new StatusCollector(() => false);
    quiet.record(actualsTask, row, ACTUAL, 'Synced', { finopsKey: "(dataAreaId='USMF',ActualId='x')" });
    expect(quiet.targets('run-2', new Date()).some((t) => t.psafo_recordid === ACTUAL)).toBe(false);

    const asked: string[] = [];
    const clearing = new StatusCollector((entity, id) => { asked.push(`${entity}:${id}`); return true; });
    clearing.record(actualsTask, row, ACTUAL, 'Synced', { finopsKey: "(dataAreaId='USMF',ActualId='x')", legalEntity: 'USMF' });
    const cleared = clearing.targets('run-3', new Date()).find((t) => t.psafo_recordid === ACTUAL);
    expect(asked).toEqual([`msdyn_actual:${ACTUAL}`]);
    expect(cleared).toMatchObject({ psafo_state: SYNC_STATE.Synced, psafo_message: null, psafo_runid: 'run-3' });
  });
});
