import { CUSTOMIZATION_PREFIX } from './constants';
import type { ControlDef } from './types';

export const CONTROL_NAMESPACE = 'PsaFoSync';
export const CONTROL_CONSTRUCTOR = 'SyncStatus';
/** Solution name of the PCF control: <prefix>_<namespace>.<constructor>. */
export const SYNC_STATUS_CONTROL = `${CUSTOMIZATION_PREFIX}_${CONTROL_NAMESPACE}.${CONTROL_CONSTRUCTOR}`;

export const syncStatusControl: ControlDef = {
  name: SYNC_STATUS_CONTROL,
  namespace: CONTROL_NAMESPACE,
  constructorName: CONTROL_CONSTRUCTOR,
  sourceFolder: 'SyncStatus',
};
