import fc from 'fast-check';
import { ConsoleApp, visibleErrors, type ConsolePorts } from '../../webresources/admin-console/app';
import { DEFAULT_BOX, chartGeometry, niceMax } from '../../webresources/admin-console/chart';
import { errorsQuery, filterErrors, parseErrorRow, retryPlan, tablesOf, type ErrorRecord } from '../../webresources/admin-console/errors';
import { formatDuration, parseRunRow, runsQuery, type RunRecord } from '../../webresources/admin-console/runs';
import { CONSOLE_STRINGS } from '../../webresources/admin-console/strings';
import { SYNC_RUN_TABLE, SYNC_STATUS_TABLE } from '../../webresources/shared/names';
import { FakeWebApi, dataverseError, parseOptions } from '../harness/xrm';
import { runRow, statusRow } from '../fixtures/psa-ui-rows';

const run = (runId: string, upserts: number, errors: number): RunRecord => ({
  runId, trigger: 'Schedule', state: 'Succeeded', triggerLabel: 'Schedule', stateLabel: 'Succeeded', startedOn: null, endedOn: null, durationMs: null, upserts, skipped: 0, errors, summary: '',
});
const err = (table: string, recordId: string, runId: string, message = 'boom', name = ''): ErrorRecord => ({ table, recordId, runId, message, name, lastAttemptOn: null });

describe('run history', () => {
  it('parses a run row with its duration', () => {
    const r = parseRunRow(runRow({ runId: 'run-1', trigger: 'SyncNow', state: 'Warning', startedOn: '2026-11-28T10:00:00Z', endedOn: '2026-11-28T10:04:05Z', upserts: 120, skipped: 3, errors: 2, summary: 'ok' }));
    expect(r).toEqual({
      runId: 'run-1', trigger: 'SyncNow', state: 'Warning', triggerLabel: 'SyncNow', stateLabel: 'Warning', startedOn: new Date('2026-11-28T10:00:00Z'), endedOn: new Date('2026-11-28T10:04:05Z'),
      durationMs: 245000, upserts: 120, skipped: 3, errors: 2, summary: 'ok',
    });
    expect(parseRunRow(runRow({ runId: 'run-2', state: 'Running', startedOn: '2026-11-28T10:00:00Z' })).durationMs).toBeNull();
    // Dataverse's formatted value (user's language) is what the page shows; the option value decides the state
    const fr = parseRunRow({ ...runRow({ runId: 'run-3', state: 'Failed', startedOn: '2026-11-28T10:00:00Z' }), 'psafo_state@OData.Community.Display.V1.FormattedValue': 'Échec' });
    expect([fr.state, fr.stateLabel]).toEqual(['Failed', 'Échec']);
    expect(parseRunRow({ psafo_runid: 'r', psafo_state: 104710001 })).toMatchObject({ state: 'Succeeded', stateLabel: 'Succeeded', trigger: null, triggerLabel: '—' });
  });

  it('asks for the newest runs first', () => {
    const q = parseOptions(runsQuery(20));
    expect(q.get('$orderby')).toBe('psafo_startedon desc');
    expect(q.get('$top')).toBe('20');
  });

  it.each([[null, '—'], [850, '850 ms'], [12345, '12.3 s'], [245000, '4 min 05 s'], [3720000, '1 h 02 min']])('formatDuration(%p) = %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('chart geometry', () => {
  it.each([[0, 1], [1, 1], [3, 5], [7, 10], [10, 10], [11, 20], [120, 200], [4999, 5000]])('niceMax(%p) = %p', (v, m) => {
    expect(niceMax(v)).toBe(m);
  });

  it('draws oldest run first, bars proportional to the values on one scale, inside the plot', () => {
    const g = chartGeometry([run('new', 50, 10), run('old', 200, 0)]);
    expect(g.max).toBe(200);
    expect(g.groups.map((x) => x.runId)).toEqual(['old', 'new']);
    const plotH = DEFAULT_BOX.height - DEFAULT_BOX.top - DEFAULT_BOX.bottom;
    const [old, neu] = g.groups;
    expect(old.upserts.height).toBeCloseTo(plotH, 1);
    expect(neu.upserts.height).toBeCloseTo(plotH / 4, 1);
    expect(neu.errors.height).toBeCloseTo(plotH / 20, 1);
    expect(old.errors.height).toBe(0);
    for (const b of g.groups.flatMap((x) => [x.upserts, x.errors])) {
      expect(b.y + b.height).toBeCloseTo(g.baseline, 1);
      expect(b.x).toBeGreaterThanOrEqual(DEFAULT_BOX.left);
      expect(b.x + b.width).toBeLessThanOrEqual(DEFAULT_BOX.width - DEFAULT_BOX.right);
    }
    expect(old.upserts.x).toBeLessThan(neu.upserts.x);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 100, 200]);
  });

  it('handles no runs and all-zero runs', () => {
    expect(chartGeometry([]).groups).toEqual([]);
    const g = chartGeometry([run('a', 0, 0)]);
    expect(g.max).toBe(1);
    expect(g.groups[0].upserts.height).toBe(0);
  });

  it('keeps 50 runs inside the plot without overlap', () => {
    const g = chartGeometry(Array.from({ length: 50 }, (_, i) => run(`r${i}`, i * 10, i)));
    for (let i = 1; i < g.groups.length; i += 1) expect(g.groups[i].upserts.x).toBeGreaterThanOrEqual(g.groups[i - 1].errors.x + g.groups[i - 1].errors.width - 0.01);
  });
});

describe('records in error', () => {
  const records = [
    err('msdyn_project', 'p1', 'run-1', 'Customer ACC-9 does not exist', 'PRJ-1 Alpha'),
    err('salesorder', 's1', 'run-1', 'Payment terms 7 unmapped', 'ORD-1'),
    err('msdyn_project', 'p2', 'run-2', 'Parent contract failed', 'PRJ-2 Beta'),
  ];

  it('filters by table and by every word of the text, case-insensitively', () => {
    expect(filterErrors(records, { table: 'msdyn_project', text: '' }).map((r) => r.recordId)).toEqual(['p1', 'p2']);
    expect(filterErrors(records, { table: '', text: 'ACC-9' }).map((r) => r.recordId)).toEqual(['p1']);
    expect(filterErrors(records, { table: '', text: 'run-1 payment' }).map((r) => r.recordId)).toEqual(['s1']);
    expect(filterErrors(records, { table: 'salesorder', text: 'beta' })).toEqual([]);
    expect(tablesOf(records)).toEqual(['msdyn_project', 'salesorder']);
  });

  it('queries only rows in state Error, optionally of one run', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE,
      statusRow({ table: 'msdyn_project', id: 'p1', state: 'Error', runId: 'run-1', message: 'm' }),
      statusRow({ table: 'msdyn_project', id: 'p2', state: 'Synced', runId: 'run-1' }),
      statusRow({ table: 'salesorder', id: 's1', state: 'Error', runId: 'run-2' }));
    expect((await api.retrieveMultipleRecords(SYNC_STATUS_TABLE, errorsQuery())).entities.map(parseErrorRow).map((e) => e.recordId).sort()).toEqual(['p1', 's1']);
    expect((await api.retrieveMultipleRecords(SYNC_STATUS_TABLE, errorsQuery('run-2'))).entities.map(parseErrorRow)).toEqual([
      { table: 'salesorder', recordId: 's1', name: 'salesorder:s1', message: '', runId: 'run-2', lastAttemptOn: null },
    ]);
  });

  it('plans one Sync now call per table and per 250 ids, each id once', () => {
    const many = Array.from({ length: 600 }, (_, i) => err('msdyn_projecttask', `t${i}`, 'r'));
    const plan = retryPlan([...many, err('salesorder', 's1', 'r'), err('salesorder', 's1', 'r'), err('', 'x', 'r')]);
    expect(plan.map((c) => [c.entityLogicalName, c.recordIds.length])).toEqual([['msdyn_projecttask', 250], ['msdyn_projecttask', 250], ['msdyn_projecttask', 100], ['salesorder', 1]]);
    expect(new Set(plan.flatMap((c) => c.recordIds)).size).toBe(601);
  });
});

describe('ConsoleApp', () => {
  function setup(api: FakeWebApi) {
    const ports: ConsolePorts = {
      retrieve: async (table, options) => (await api.retrieveMultipleRecords(table, options)).entities,
      execute: (request) => api.execute(request),
    };
    const app = new ConsoleApp(ports, CONSOLE_STRINGS.en, () => undefined);
    return app;
  }
  const seeded = () => new FakeWebApi()
    .put(SYNC_RUN_TABLE, runRow({ runId: 'run-1', state: 'Failed', startedOn: '2026-11-28T09:00:00Z', errors: 2 }), runRow({ runId: 'run-2', state: 'Succeeded', startedOn: '2026-11-28T10:00:00Z', upserts: 5 }))
    .put(SYNC_STATUS_TABLE,
      statusRow({ table: 'msdyn_project', id: 'p1', state: 'Error', runId: 'run-1', message: 'Customer missing' }),
      statusRow({ table: 'salesorder', id: 's1', state: 'Error', runId: 'run-1', message: 'Terms' }),
      statusRow({ table: 'salesorder', id: 's2', state: 'Error', runId: 'run-2', message: 'Terms' }));

  it('loads runs newest first and the records in error; selecting a run narrows the list', async () => {
    const app = setup(seeded());
    await app.load();
    const st = app.snapshot();
    expect(st.phase).toBe('ready');
    expect(st.runs.map((r) => r.runId)).toEqual(['run-2', 'run-1']);
    app.selectRun('run-1');
    expect(visibleErrors(app.snapshot()).map((e) => e.recordId).sort()).toEqual(['p1', 's1']);
    app.setFilter({ table: 'salesorder' });
    expect(visibleErrors(app.snapshot()).map((e) => e.recordId)).toEqual(['s1']);
  });

  it('retries all failed records of a run, one call per table, then reloads', async () => {
    const api = seeded();
    const app = setup(api);
    await app.load();
    await app.retryRun('run-1');
    const calls = api.executed() as { EntityLogicalName: string; RecordIds: string[] }[];
    expect(calls.map((c) => [c.EntityLogicalName, c.RecordIds])).toEqual([['msdyn_project', ['p1']], ['salesorder', ['s1']]]);
    expect(app.snapshot().notice).toEqual({ kind: 'info', text: '2 record(s) queued for sync.' });
    expect(api.retrieves(SYNC_RUN_TABLE)).toHaveLength(2);
  });

  it('reports a failed retry with the service message and does not reload', async () => {
    const api = seeded().onExecute(async () => { throw dataverseError(-2147220891, 'The bridge is not reachable (psafo_BridgeUrl).'); });
    const app = setup(api);
    await app.load();
    await app.retry([app.snapshot().errors[0]]);
    expect(app.snapshot().notice).toEqual({ kind: 'error', text: 'Retry failed: The bridge is not reachable (psafo_BridgeUrl).' });
    expect(app.snapshot().busy).toBe(false);
    expect(api.retrieves(SYNC_RUN_TABLE)).toHaveLength(1);
  });

  it('a read failure becomes a visible problem', async () => {
    const app = setup(seeded().fail(SYNC_RUN_TABLE, dataverseError(-2147220960, 'missing prvReadpsafo_syncrun privilege')));
    await app.load();
    expect(app.snapshot()).toMatchObject({ phase: 'failed', problem: 'The sync data could not be read: missing prvReadpsafo_syncrun privilege' });
  });
});

describe('properties (fast-check)', () => {
  const table = fc.constantFrom('msdyn_project', 'salesorder', 'msdyn_projecttask');

  it('retryPlan: every distinct (table, id) exactly once, one table per call, at most 250 ids', () => {
    fc.assert(fc.property(fc.array(fc.record({ table, recordId: fc.integer({ min: 0, max: 700 }).map((n) => `id-${n}`) }), { maxLength: 1200 }), (records) => {
      const plan = retryPlan(records);
      const sent = plan.flatMap((c) => c.recordIds.map((id) => `${c.entityLogicalName}|${id}`));
      expect(new Set(sent).size).toBe(sent.length);
      expect(new Set(sent)).toEqual(new Set(records.map((r) => `${r.table}|${r.recordId}`)));
      for (const c of plan) expect(c.recordIds.length).toBeGreaterThan(0);
      for (const c of plan) expect(c.recordIds.length).toBeLessThanOrEqual(250);
    }));
  });

  it('chartGeometry: every bar inside the plot, on the baseline, height proportional to its value', () => {
    const runArb = fc.record({ upserts: fc.nat(100000), errors: fc.nat(100000) });
    fc.assert(fc.property(fc.array(runArb, { maxLength: 60 }), (values) => {
      const g = chartGeometry(values.map((v, i) => run(`r${i}`, v.upserts, v.errors)));
      const plotH = DEFAULT_BOX.height - DEFAULT_BOX.top - DEFAULT_BOX.bottom;
      expect(g.max).toBeGreaterThanOrEqual(Math.max(0, ...values.map((v) => Math.max(v.upserts, v.errors))));
      for (const b of g.groups.flatMap((x) => [x.upserts, x.errors])) {
        expect(b.y).toBeGreaterThanOrEqual(DEFAULT_BOX.top - 0.01);
        expect(b.y + b.height).toBeCloseTo(g.baseline, 1);
        expect(b.height).toBeCloseTo((b.value / g.max) * plotH, 1);
        expect(b.x + b.width).toBeLessThanOrEqual(DEFAULT_BOX.width - DEFAULT_BOX.right + 0.01);
      }
    }));
  });

  it('filterErrors: the result is a subset that matches the table, and an empty filter keeps everything', () => {
    const recArb = fc.record({ table, recordId: fc.string(), runId: fc.string(), message: fc.string(), name: fc.string() }).map((r) => ({ ...r, lastAttemptOn: null }));
    fc.assert(fc.property(fc.array(recArb, { maxLength: 50 }), fc.oneof(fc.constant(''), table), fc.string({ maxLength: 6 }), (records, t, text) => {
      const out = filterErrors(records, { table: t, text });
      for (const r of out) {
        expect(records).toContain(r);
        if (t) expect(r.table).toBe(t);
      }
      expect(filterErrors(records, { table: '', text: '' })).toEqual(records);
    }));
  });
});
