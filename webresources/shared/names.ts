/**
 * Dataverse names used by the PSA-side code (form script, ribbon, admin console, PCF control).
 * Named once for the browser code; tests build their fixtures from the same constants.
 * The solution model (solution/) owns the definitions: these are plain copies so that the bundles
 * do not carry the model's labels and descriptions, and test/unit/webresources-names.unit.test.ts
 * fails when a copy drifts from the model.
 */
export const SYNC_STATUS_TABLE = 'psafo_syncstatus';
export const SYNC_RUN_TABLE = 'psafo_syncrun';
export const ENV_DEFINITION_TABLE = 'environmentvariabledefinition';

export const StatusColumn = {
  id: 'psafo_syncstatusid',
  name: 'psafo_name',
  entityLogicalName: 'psafo_entitylogicalname',
  recordId: 'psafo_recordid',
  state: 'psafo_state',
  lastSyncedOn: 'psafo_lastsyncedon',
  lastAttemptOn: 'psafo_lastattempton',
  finOpsKey: 'psafo_finopskey',
  legalEntity: 'psafo_legalentity',
  message: 'psafo_message',
  details: 'psafo_details',
  runId: 'psafo_runid',
} as const;

export const RunColumn = {
  id: 'psafo_syncrunid',
  name: 'psafo_name',
  runId: 'psafo_runid',
  trigger: 'psafo_trigger',
  startedOn: 'psafo_startedon',
  endedOn: 'psafo_endedon',
  state: 'psafo_state',
  upserts: 'psafo_upserts',
  skipped: 'psafo_skipped',
  errors: 'psafo_errors',
  summary: 'psafo_summary',
} as const;

/** Option values of psafo_state on psafo_syncstatus (option value prefix 10471). */
export const SyncStateValue = { Queued: 104710000, Synced: 104710001, Error: 104710002, Skipped: 104710003 } as const;
export type SyncState = keyof typeof SyncStateValue;
/** Option values of psafo_state on psafo_syncrun. */
export const RunStateValue = { Running: 104710000, Succeeded: 104710001, Warning: 104710002, Failed: 104710003 } as const;
export type RunState = keyof typeof RunStateValue;
/** Option values of psafo_trigger on psafo_syncrun. */
export const RunTriggerValue = { Schedule: 104710000, SyncNow: 104710001, Live: 104710002, Manual: 104710003 } as const;
export type RunTrigger = keyof typeof RunTriggerValue;

export const EnvVar = {
  bridgeUrl: 'psafo_BridgeUrl',
  fieldLockRules: 'psafo_FieldLockRules',
  statusRefreshSeconds: 'psafo_StatusRefreshSeconds',
} as const;

export const SYNC_NOW_API = 'psafo_SyncNow';
export const SyncNowParam = { entityLogicalName: 'EntityLogicalName', recordIds: 'RecordIds' } as const;
/** Most records one Sync now call accepts (the grid enable rule allows 1..250 selected). */
export const SYNC_NOW_MAX_RECORDS = 250;

export const FORMATTED_VALUE = '@OData.Community.Display.V1.FormattedValue';
export const DEFAULT_REFRESH_SECONDS = 10;

/**
 * Window event the ribbon handlers dispatch after a successful Sync now, so that a SyncStatus
 * control on the page reloads at once. detail: { entityLogicalName: string; recordIds: string[] }.
 */
export const SYNC_REQUESTED_EVENT = 'psafo:syncrequested';
