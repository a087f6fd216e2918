import { DEFAULT_FIELD_LOCK_RULES } from '../../solution/field-lock-rules';
import { COMPACT_WIDTH, deriveView, type ViewInput } from '../../pcf/SyncStatus/view/derive-view';
import { format, type StringKey } from '../../pcf/SyncStatus/view/strings';
import { parseStatusRow } from '../../webresources/shared/sync-status';
import { formatUtc, loadResx } from '../harness/pcf-context';
import { PROJECT_ID, statusRow, type StatusRowInput } from '../fixtures/psa-ui-rows';

const EN = loadResx(1033);
const s = (key: StringKey) => EN.get(key) ?? `!!${key}`;
const f = { dateTime: (d: Date) => formatUtc(d) };
const AT = new Date('2026-11-28T12:00:00Z');

function input(row: Partial<StatusRowInput> | null, patch: Partial<ViewInput> = {}): ViewInput {
  return {
    table: 'msdyn_project',
    recordId: PROJECT_ID,
    load: { phase: 'loaded', status: row ? parseStatusRow(statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Queued', ...row })) : null, at: AT },
    rules: DEFAULT_FIELD_LOCK_RULES,
    refreshSeconds: 10,
    expanded: false,
    width: 600,
    busy: false,
    columnLabels: { msdynce_projectnumber: 'Project Number' },
    ...patch,
  };
}

describe('deriveView', () => {
  it('no status row: Not synced yet, no locks that depend on a sync', () => {
    const v = deriveView(input(null), s, f);
    expect(v.tone).toBe('notsynced');
    expect(v.badgeText).toBe('Not synced yet');
    expect(v.facts).toEqual([]);
    expect(v.locks).toEqual([]);
    expect(v.polling).toBe(false);
    expect(v.announcement).toBe('Sync status: Not synced yet');
    expect(v.footer).toBe('Updated 2026-11-28 12:00');
  });

  it('queued: polls and says how often', () => {
    const v = deriveView(input({ state: 'Queued' }, { refreshSeconds: 15 }), s, f);
    expect(v.tone).toBe('queued');
    expect(v.polling).toBe(true);
    expect(v.footer).toBe('Updated 2026-11-28 12:00 · Checking again every 15 s while queued');
  });

  it('synced: date, F&O key and legal entity, and the locked columns with reasons', () => {
    const v = deriveView(input({ state: 'Synced', lastSyncedOn: '2026-11-27T08:30:00Z', finOpsKey: 'PRJ-01049-CCNID0', legalEntity: 'USMF' }), s, f);
    expect(v.tone).toBe('synced');
    expect(v.summary).toBe('Synced · 2026-11-27 08:30 · PRJ-01049-CCNID0 · USMF');
    expect(v.facts).toEqual([
      { label: 'Last synced', value: '2026-11-27 08:30' },
      { label: 'F&O key', value: 'PRJ-01049-CCNID0' },
      { label: 'Legal entity', value: 'USMF' },
    ]);
    expect(v.message).toBeNull();
    expect(v.locks.map((l) => l.column)).toEqual(DEFAULT_FIELD_LOCK_RULES.tables.msdyn_project.map((r) => r.column));
    expect(v.locks[0]).toEqual({ column: 'msdynce_projectnumber', label: 'Project Number', reason: DEFAULT_FIELD_LOCK_RULES.tables.msdyn_project[0].reason, source: 'PSA rule' });
    expect(v.locks[1].label).toBe(v.locks[1].column); // no display name known → logical name
  });

  it('error: message, expandable details, run id', () => {
    const row = { state: 'Error' as const, message: 'Customer ACC-9 does not exist in USMF.', runId: 'run-42', lastAttemptOn: '2026-11-28T11:00:00Z', details: { errorDetail: 'POST ProjCDSProjects → 400\n{"error":{}}' } };
    const closed = deriveView(input(row), s, f);
    expect(closed.tone).toBe('error');
    expect(closed.message).toBe('Customer ACC-9 does not exist in USMF.');
    expect(closed.detail).toEqual({ text: 'POST ProjCDSProjects → 400\n{"error":{}}', expanded: false, toggleLabel: 'Show details' });
    expect(closed.facts).toEqual([{ label: 'Last attempt', value: '2026-11-28 11:00' }, { label: 'Run', value: 'run-42' }]);
    expect(deriveView(input(row, { expanded: true }), s, f).detail?.toggleLabel).toBe('Hide details');
  });

  it('skipped: the reason', () => {
    const v = deriveView(input({ state: 'Skipped', message: 'Contracting unit Contoso India has no legal entity mapping.' }), s, f);
    expect(v.badgeText).toBe('Skipped');
    expect(v.facts).toEqual([{ label: 'Reason', value: 'Contracting unit Contoso India has no legal entity mapping.' }]);
    expect(v.message).toBeNull();
  });

  it('project: counts of child records from psafo_details', () => {
    const v = deriveView(input({ state: 'Synced', details: { children: { msdyn_projecttask: { synced: 12, error: 1 }, msdyn_estimateline: { synced: 30, error: 0 }, msdyn_actual: { synced: 250, error: 3 }, custom_thing: { synced: 1, error: 0 } } } }), s, f);
    expect(v.children).toEqual([
      { label: 'Tasks', synced: '12 synced', error: '1 in error', skipped: null },
      { label: 'Estimates', synced: '30 synced', error: null, skipped: null },
      { label: 'Actuals', synced: '250 synced', error: '3 in error', skipped: null },
      { label: 'custom_thing', synced: '1 synced', error: null, skipped: null },
    ]);
  });

  it('project: counts as the bridge writes them, keyed by template task id with errors and skipped', () => {
    const v = deriveView(input({ state: 'Synced', details: { children: { 'hour-estimates': { synced: 8, errors: 0, skipped: 2 }, 'expense-estimates': { synced: 3, errors: 1, skipped: 0 }, actuals: { synced: 40, errors: 2, skipped: 0 } } } }), s, f);
    expect(v.children).toEqual([
      { label: 'Hour estimates', synced: '8 synced', error: null, skipped: '2 skipped' },
      { label: 'Expense estimates', synced: '3 synced', error: '1 in error', skipped: null },
      { label: 'Actuals', synced: '40 synced', error: '2 in error', skipped: null },
    ]);
  });

  it('adds F&O functionality locking and bridge-reported locks once, after our rules', () => {
    const v = deriveView(input({ state: 'Synced', details: {
      lockedFields: [{ column: 'msdynce_projectnumber', reason: 'dup' }, { column: 'msdyn_description', reason: 'Mapped to F&O description' }],
      finOpsLocking: [{ name: 'Edit project', reason: 'Locked in F&O for projects from PSA' }],
    } }), s, f);
    const extra = v.locks.slice(DEFAULT_FIELD_LOCK_RULES.tables.msdyn_project.length);
    expect(extra).toEqual([
      { column: 'msdyn_description', label: 'msdyn_description', reason: 'Mapped to F&O description', source: 'PSA rule' },
      { column: '', label: 'Edit project', reason: 'Locked in F&O for projects from PSA', source: 'F&O functionality locking' },
    ]);
  });

  it('invalid details are reported, not thrown', () => {
    const v = deriveView(input({ state: 'Synced', details: '{broken' }), s, f);
    expect(v.detail?.text).toBe('The stored details could not be read.');
  });

  it.each([
    ['accessDenied', 'You do not have permission to read the sync status. Ask your administrator for read access to the Sync Status table.'],
    ['tableMissing', 'The sync status table is not available. Ask your administrator to import the PSA to Finance and Operations Sync solution.'],
    ['unknown', 'The sync status could not be read: boom'],
  ] as const)('read problem %s gets a clear message', (kind, text) => {
    const v = deriveView(input(null, { load: { phase: 'failed', problem: { kind, message: 'boom' } } }), s, f);
    expect(v.tone).toBe('problem');
    expect(v.problem).toBe(text);
    expect(v.announcement).toBe(format(s('Live_State'), text));
    expect(v.refresh.disabled).toBe(false);
  });

  it('new record: asks to save, refresh disabled, nothing loaded', () => {
    const v = deriveView(input(null, { recordId: null, load: { phase: 'loading' } }), s, f);
    expect(v.tone).toBe('notsynced');
    expect(v.problem).toBe('Save the record to see its sync status.');
    expect(v.refresh.disabled).toBe(true);
  });

  it('loading: no announcement yet, busy', () => {
    const v = deriveView(input(null, { load: { phase: 'loading' }, busy: true }), s, f);
    expect(v.tone).toBe('loading');
    expect(v.announcement).toBe('');
    expect(v.refresh.disabled).toBe(true);
  });

  it('compact below the threshold, and when the width is unknown it is not compact', () => {
    expect(deriveView(input(null, { width: COMPACT_WIDTH - 1 }), s, f).compact).toBe(true);
    expect(deriveView(input(null, { width: COMPACT_WIDTH }), s, f).compact).toBe(false);
    expect(deriveView(input(null, { width: -1 }), s, f).compact).toBe(false);
  });
});
