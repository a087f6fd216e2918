import { envVarQuery, envVarValue, parseRefreshSeconds } from '../../webresources/shared/env-vars';
import { DEFAULT_REFRESH_SECONDS, EnvVar, StatusColumn } from '../../webresources/shared/names';
import { classifyReadError } from '../../webresources/shared/read-errors';
import { isSyncedStatus, normalizeId, parseDetails, parseStatusRow, statusQuery } from '../../webresources/shared/sync-status';
import { FakeWebApi, dataverseError, parseOptions } from '../harness/xrm';
import { PROJECT_ID, envVarRow, statusRow } from '../fixtures/psa-ui-rows';

describe('sync status rows', () => {
  it('builds a query for one record, with normalised id and escaped literals', () => {
    const q = parseOptions(statusQuery('msdyn_project', `{${PROJECT_ID.toUpperCase()}}`));
    expect(q.get('$filter')).toBe(`psafo_entitylogicalname eq 'msdyn_project' and psafo_recordid eq '${PROJECT_ID}'`);
    expect(q.get('$select')?.split(',')).toEqual(expect.arrayContaining([StatusColumn.state, StatusColumn.details, StatusColumn.finOpsKey]));
    expect(parseOptions(statusQuery("o'brien", 'x')).get('$filter')).toContain("'o''brien'");
  });

  it('finds the row through a Web API that evaluates the filter', async () => {
    const api = new FakeWebApi().put('psafo_syncstatus',
      statusRow({ table: 'salesorder', id: PROJECT_ID, state: 'Error' }),
      statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced', finOpsKey: 'PRJ-1' }));
    const result = await api.retrieveMultipleRecords('psafo_syncstatus', statusQuery('msdyn_project', `{${PROJECT_ID}}`));
    expect(result.entities).toHaveLength(1);
    expect(parseStatusRow(result.entities[0])).toMatchObject({ state: 'Synced', finOpsKey: 'PRJ-1' });
  });

  it('maps a complete row', () => {
    const record = parseStatusRow(statusRow({
      table: 'msdyn_project', id: PROJECT_ID, state: 'Error', lastSyncedOn: '2026-11-20T10:00:00Z',
      lastAttemptOn: '2026-11-28T09:30:00Z', finOpsKey: 'PRJ-01049-CCNID0', legalEntity: 'USMF',
      message: 'Customer account ACC-1 does not exist.', runId: 'run-7',
      details: { children: { msdyn_projecttask: { synced: 12, error: 1 } }, errorDetail: 'HTTP 400 ...', finOpsLocking: [{ name: 'Edit project', reason: 'PSA owns it' }] },
    }));
    expect(record).toEqual({
      state: 'Error',
      lastSyncedOn: new Date('2026-11-20T10:00:00Z'),
      lastAttemptOn: new Date('2026-11-28T09:30:00Z'),
      finOpsKey: 'PRJ-01049-CCNID0',
      legalEntity: 'USMF',
      message: 'Customer account ACC-1 does not exist.',
      runId: 'run-7',
      details: {
        children: [{ table: 'msdyn_projecttask', synced: 12, error: 1, skipped: 0 }],
        lockedFields: [],
        finOpsLocking: [{ name: 'Edit project', reason: 'PSA owns it' }],
        errorDetail: 'HTTP 400 ...',
      },
      detailsInvalid: false,
    });
    expect(isSyncedStatus(record)).toBe(true);
  });

  it('reads the state from the formatted value when the number is unknown', () => {
    expect(parseStatusRow({ [StatusColumn.state]: 'skipped' }).state).toBe('Skipped');
    expect(parseStatusRow({}).state).toBe('Queued');
  });

  it('tolerates bad details and reports them as invalid', () => {
    expect(parseDetails('{oops').invalid).toBe(true);
    expect(parseDetails('[1,2]').invalid).toBe(true);
    expect(parseDetails(null)).toEqual({ details: { children: [], lockedFields: [], finOpsLocking: [] }, invalid: false });
    const d = parseDetails({ children: { msdyn_actual: { synced: -3, errors: 2.7 }, bad: 5 }, lockedFields: ['x', { field: 'Name', reason: 'r' }, 7], finOpsLocking: { functions: [{ function: 'WBS' }] } }).details;
    expect(d.children).toEqual([{ table: 'msdyn_actual', synced: 0, error: 2, skipped: 0 }]);
    expect(d.lockedFields).toEqual([{ name: 'x', reason: '' }, { column: 'name', reason: 'r' }]);
    expect(d.finOpsLocking).toEqual([{ name: 'WBS', reason: '' }]);
  });

  it('a record counts as synced once it reached F&O, not while only queued', () => {
    expect(isSyncedStatus(null)).toBe(false);
    expect(isSyncedStatus(parseStatusRow(statusRow({ table: 't', id: 'i', state: 'Queued' })))).toBe(false);
    expect(isSyncedStatus(parseStatusRow(statusRow({ table: 't', id: 'i', state: 'Queued', lastSyncedOn: '2026-01-01T00:00:00Z' })))).toBe(true);
    expect(isSyncedStatus(parseStatusRow(statusRow({ table: 't', id: 'i', state: 'Error', finOpsKey: 'K' })))).toBe(true);
  });

  it('normalises ids', () => {
    expect(normalizeId('{ABC-DEF}')).toBe('abc-def');
  });
});

describe('environment variables', () => {
  it('prefers the current value over the default', async () => {
    const api = new FakeWebApi().put('environmentvariabledefinition',
      envVarRow(EnvVar.statusRefreshSeconds, '10', '30'), envVarRow(EnvVar.fieldLockRules, '{}'));
    const seconds = await api.retrieveMultipleRecords('environmentvariabledefinition', envVarQuery(EnvVar.statusRefreshSeconds));
    expect(envVarValue(seconds.entities)).toBe('30');
    const rules = await api.retrieveMultipleRecords('environmentvariabledefinition', envVarQuery(EnvVar.fieldLockRules));
    expect(envVarValue(rules.entities)).toBe('{}');
    expect(envVarValue([])).toBeNull();
  });

  it.each([
    [null, DEFAULT_REFRESH_SECONDS], ['', DEFAULT_REFRESH_SECONDS], ['abc', DEFAULT_REFRESH_SECONDS], ['-4', DEFAULT_REFRESH_SECONDS],
    ['1', 2], ['15', 15], ['7.6', 8], ['99999', 3600],
  ])('refresh seconds %p → %p', (value, expected) => {
    expect(parseRefreshSeconds(value)).toBe(expected);
  });
});

describe('read error classification', () => {
  it.each([
    [dataverseError(-2147220960, 'Principal user (Id=1) is missing prvReadpsafo_syncstatus privilege'), 'accessDenied'],
    [{ code: '0x80040220', message: 'denied' }, 'accessDenied'],
    [{ status: 403, message: 'Forbidden' }, 'accessDenied'],
    [dataverseError(-2147217150, "The entity with a name = 'psafo_syncstatus' with namemapping = 'Logical' was not found in the MetadataCache."), 'tableMissing'],
    [{ error: { code: '0x8006088a', message: "Resource not found for the segment 'psafo_syncstatuses'." } }, 'tableMissing'],
    [new Error('Failed to fetch'), 'offline'],
    [dataverseError(-2147204784, 'Something else'), 'unknown'],
  ])('%p → %s', (err, kind) => {
    expect(classifyReadError(err).kind).toBe(kind);
  });

  it('keeps the service message', () => {
    expect(classifyReadError(dataverseError(-1, 'Boom')).message).toBe('Boom');
    expect(classifyReadError('plain').message).toBe('plain');
  });
});
