import { SYNC_NOW_API, SYNC_NOW_PARAM_ENTITY, SYNC_NOW_PARAM_IDS, syncNowApi } from '../../solution/custom-api';
import { DEFAULT_STATUS_REFRESH_SECONDS, ENV_BRIDGE_URL, ENV_FIELD_LOCK_RULES, ENV_STATUS_REFRESH_SECONDS } from '../../solution/environment-variables';
import { MAX_GRID_SELECTION, ribbon } from '../../solution/ribbon';
import { RUN_STATE, RUN_TRIGGER, SYNC_RUN_TABLE, syncRunTable } from '../../solution/tables/syncrun';
import { SYNC_STATE, SYNC_STATUS_TABLE, syncStatusTable } from '../../solution/tables/syncstatus';
import { webResources } from '../../solution/webresources';
import * as names from '../../webresources/shared/names';
import * as formModule from '../../webresources/form';
import * as ribbonModule from '../../webresources/ribbon';

/** The browser code keeps plain copies of the model's names (smaller bundles); they must not drift. */
describe('browser-side names match the solution model', () => {
  it('tables, option values, environment variables, Custom API, selection limit', () => {
    expect(names.SYNC_STATUS_TABLE).toBe(SYNC_STATUS_TABLE);
    expect(names.SYNC_RUN_TABLE).toBe(SYNC_RUN_TABLE);
    expect(names.SyncStateValue).toEqual(SYNC_STATE);
    expect(names.RunStateValue).toEqual(RUN_STATE);
    expect(names.RunTriggerValue).toEqual(RUN_TRIGGER);
    expect(names.EnvVar).toEqual({ bridgeUrl: ENV_BRIDGE_URL, fieldLockRules: ENV_FIELD_LOCK_RULES, statusRefreshSeconds: ENV_STATUS_REFRESH_SECONDS });
    expect(names.DEFAULT_REFRESH_SECONDS).toBe(DEFAULT_STATUS_REFRESH_SECONDS);
    expect(names.SYNC_NOW_API).toBe(SYNC_NOW_API);
    expect(names.SyncNowParam).toEqual({ entityLogicalName: SYNC_NOW_PARAM_ENTITY, recordIds: SYNC_NOW_PARAM_IDS });
    expect(syncNowApi.requestParameters.map((p) => [p.uniqueName, p.type])).toEqual([['EntityLogicalName', 'String'], ['RecordIds', 'StringArray']]);
    expect(names.SYNC_NOW_MAX_RECORDS).toBe(MAX_GRID_SELECTION);
  });

  it('every column the browser code reads exists on the table', () => {
    const columnsOf = (t: typeof syncStatusTable) => new Set([`${t.schemaName}id`, t.primaryName.schemaName, ...t.columns.map((c) => c.schemaName)]);
    const status = columnsOf(syncStatusTable);
    for (const c of Object.values(names.StatusColumn)) expect(status).toContain(c);
    const run = columnsOf(syncRunTable);
    for (const c of Object.values(names.RunColumn)) expect(run).toContain(c);
  });

  it('the ribbon and the web resource list call the functions the bundles export', () => {
    const fn = (dotted: string) => dotted.split('.').pop() as string;
    expect(typeof (ribbonModule as Record<string, unknown>)[fn(ribbon.formFunction)]).toBe('function');
    expect(typeof (ribbonModule as Record<string, unknown>)[fn(ribbon.gridFunction)]).toBe('function');
    expect(typeof (ribbonModule as Record<string, unknown>)[fn(ribbon.isSavedFunction)]).toBe('function');
    expect(typeof formModule.onLoad).toBe('function');
    const bundles = webResources.flatMap((w) => ('bundle' in w.source ? [w.source.bundle] : []));
    expect(bundles).toEqual(expect.arrayContaining(['webresources/form/index.ts', 'webresources/ribbon/index.ts', 'webresources/admin-console/index.ts']));
  });
});
