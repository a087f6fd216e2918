import { SyncStatusController, type ControllerPorts } from '../../pcf/SyncStatus/view/controller';
import { EnvVar, StatusColumn, SyncStateValue } from '../../webresources/shared/names';
import { dataverseError } from '../harness/xrm';

/** Ports with a manual clock: timers run only when the test fires them. */
function ports(statusRows: () => Record<string, unknown>[] | Error, env: Record<string, string | null> = {}) {
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const reads: string[] = [];
  const p: ControllerPorts = {
    readStatus: async (table, id) => {
      reads.push(`${table}/${id}`);
      const rows = statusRows();
      if (rows instanceof Error) throw rows;
      return rows;
    },
    readEnvVar: async (name) => env[name] ?? null,
    readColumnLabels: async (_table, columns) => Object.fromEntries(columns.map((c) => [c, c.toUpperCase()])),
    setTimer: (callback, ms) => { const t = { callback, ms, cleared: false }; timers.push(t); return t; },
    clearTimer: (handle) => { (handle as { cleared: boolean }).cleared = true; },
    now: () => new Date('2026-11-28T12:00:00Z'),
  };
  return { p, timers, reads };
}

const flush = () => new Promise((r) => setImmediate(r));
const row = (state: keyof typeof SyncStateValue) => [{ [StatusColumn.state]: SyncStateValue[state] }];

describe('SyncStatusController', () => {
  it('polls every psafo_StatusRefreshSeconds while queued and stops when synced', async () => {
    let state: keyof typeof SyncStateValue = 'Queued';
    const { p, timers, reads } = ports(() => row(state), { [EnvVar.statusRefreshSeconds]: '5' });
    let renders = 0;
    const c = new SyncStatusController(p, () => { renders += 1; });
    c.setRecord('msdyn_project', 'abc');
    await flush();
    expect(c.snapshot().load).toMatchObject({ phase: 'loaded', status: { state: 'Queued' } });
    expect(c.snapshot().refreshSeconds).toBe(5);
    expect(timers).toHaveLength(1);
    expect(timers[0].ms).toBe(5000);

    timers[0].callback();
    await flush();
    expect(reads).toHaveLength(2);
    expect(timers).toHaveLength(2);

    state = 'Synced';
    timers[1].callback();
    await flush();
    expect(c.snapshot().load).toMatchObject({ status: { state: 'Synced' } });
    expect(timers).toHaveLength(2); // no further poll
    expect(renders).toBeGreaterThanOrEqual(6);
  });

  it('reads the settings once per record and keeps defaults when they cannot be read', async () => {
    const { p } = ports(() => row('Synced'));
    p.readEnvVar = async () => { throw dataverseError(-2147220960, 'no access to environment variables'); };
    const c = new SyncStatusController(p, () => undefined);
    c.setRecord('salesorder', 'x');
    await flush();
    expect(c.snapshot().refreshSeconds).toBe(10);
    expect(c.snapshot().rules.tables.salesorder?.length).toBeGreaterThan(0);
    expect(c.snapshot().columnLabels.ordernumber).toBe('ORDERNUMBER');
  });

  it('a manual refresh cancels the pending poll', async () => {
    const { p, timers } = ports(() => row('Queued'));
    const c = new SyncStatusController(p, () => undefined);
    c.setRecord('msdyn_project', 'abc');
    await flush();
    await c.refresh();
    expect(timers[0].cleared).toBe(true);
    expect(timers.filter((t) => !t.cleared)).toHaveLength(1);
  });

  it('maps read failures to problems and does not poll', async () => {
    const { p, timers } = ports(() => Object.assign(new Error("The entity with a name = 'psafo_syncstatus' was not found in the MetadataCache."), { errorCode: -2147217150 }));
    const c = new SyncStatusController(p, () => undefined);
    c.setRecord('msdyn_project', 'abc');
    await flush();
    expect(c.snapshot().load).toEqual({ phase: 'failed', problem: { kind: 'tableMissing', message: expect.stringContaining('MetadataCache') } });
    expect(timers).toHaveLength(0);
  });

  it('ignores an answer that arrives after the record changed', async () => {
    const pending: ((rows: Record<string, unknown>[]) => void)[] = [];
    const { p } = ports(() => []);
    p.readStatus = (table) => new Promise((resolve) => { pending.push((rows) => resolve(table === 'a' ? rows : [])); });
    const c = new SyncStatusController(p, () => undefined);
    c.setRecord('a', '1');
    await flush();
    c.setRecord('b', '2');
    await flush();
    pending[1]([]);
    await flush();
    pending[0](row('Error'));
    await flush();
    expect(c.snapshot().load).toMatchObject({ phase: 'loaded', status: null });
  });

  it('a record without id loads nothing; dispose stops polling', async () => {
    const { p, reads, timers } = ports(() => row('Queued'));
    const c = new SyncStatusController(p, () => undefined);
    c.setRecord('msdyn_project', null);
    await flush();
    expect(reads).toEqual([]);
    expect(c.snapshot().load).toMatchObject({ phase: 'loaded', status: null });
    c.setRecord('msdyn_project', 'abc');
    await flush();
    c.dispose();
    expect(timers[0].cleared).toBe(true);
    await c.refresh();
    expect(reads).toHaveLength(1);
  });

  it('toggles the details', () => {
    const { p } = ports(() => []);
    const c = new SyncStatusController(p, () => undefined);
    c.toggleDetails();
    expect(c.snapshot().expanded).toBe(true);
  });
});
