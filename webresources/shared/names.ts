/**
 * Dataverse names used by the PSA-side code (form script, ribbon, admin console, PCF control).
 * Named once here (values owned by the solution model are re-exported from it); tests build their
 * fixtures from the same constants.
 */
import { SYNC_NOW_API, SYNC_NOW_PARAM_ENTITY, SYNC_NOW_PARAM_IDS } from '../../solution/custom-api';
import {
  DEFAULT_STATUS_REFRESH_SECONDS, ENV_BRIDGE_URL, ENV_FIELD_LOCK_RULES, ENV_STATUS_REFRESH_SECONDS,
} from '../../solution/environment-variables';
import { MAX_GRID_SELECTION } from '../../solution/ribbon';
import { SYNC_STATE, SYNC_STATUS_TABLE } from '../../solution/tables/syncstatus';
import { RUN_STATE, RUN_TRIGGER, SYNC_RUN_TABLE } from '../../solution/tables/syncrun';

export { SYNC_STATUS_TABLE, SYNC_RUN_TABLE };
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

/** Option values of psafo_state on psafo_syncstatus, psafo_state and psafo_trigger on psafo_syncrun. */
export const SyncStateValue = SYNC_STATE;
export type SyncState = keyof typeof SyncStateValue;
export const RunStateValue = RUN_STATE;
export type RunState = keyof typeof RunStateValue;
export const RunTriggerValue = RUN_TRIGGER;
export type RunTrigger = keyof typeof RunTriggerValue;

export const EnvVar = {
  bridgeUrl: ENV_BRIDGE_URL,
  fieldLockRules: ENV_FIELD_LOCK_RULES,
  statusRefreshSeconds: ENV_STATUS_REFRESH_SECONDS,
} as const;

export { SYNC_NOW_API };
export const SyncNowParam = { entityLogicalName: SYNC_NOW_PARAM_ENTITY, recordIds: SYNC_NOW_PARAM_IDS } as const;
/** Most records one Sync now call accepts (the grid enable rule allows 1..250 selected). */
export const SYNC_NOW_MAX_RECORDS = MAX_GRID_SELECTION;

export const FORMATTED_VALUE = '@OData.Community.Display.V1.FormattedValue';
export const DEFAULT_REFRESH_SECONDS = DEFAULT_STATUS_REFRESH_SECONDS;

/**
 * Window event the ribbon handlers dispatch after a successful Sync now, so that a SyncStatus
 * control on the page reloads at once. detail: { entityLogicalName: string; recordIds: string[] }.
 */
export const SYNC_REQUESTED_EVENT = 'psafo:syncrequested';
