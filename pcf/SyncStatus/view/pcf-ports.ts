/** ControllerPorts backed by the PCF context (context.webAPI and context.utils). */
import { ENV_DEFINITION_TABLE } from '../../../webresources/shared/names';
import { envVarQuery, envVarValue } from '../../../webresources/shared/env-vars';
import { statusQuery } from '../../../webresources/shared/sync-status';
import { SYNC_STATUS_TABLE } from '../../../webresources/shared/names';
import type { ControllerPorts } from './controller';

/** The record the control sits on: `context.mode.contextInfo` (present on model-driven forms). */
export interface ContextInfo {
  readonly entityTypeName?: string;
  readonly entityId?: string;
  readonly entityRecordName?: string;
}

export function contextInfo(context: ComponentFramework.Context<unknown>): ContextInfo {
  return ((context.mode as unknown as { contextInfo?: ContextInfo }).contextInfo) ?? {};
}

interface AttributeLike { DisplayName?: unknown }
interface MetadataLike { Attributes?: { get?: (name: string) => AttributeLike | undefined; getByName?: (name: string) => AttributeLike | undefined } }

export function pcfPorts(getContext: () => ComponentFramework.Context<unknown>, win: Window): ControllerPorts {
  return {
    async readStatus(table, recordId) {
      const result = await getContext().webAPI.retrieveMultipleRecords(SYNC_STATUS_TABLE, statusQuery(table, recordId), 1);
      return result.entities;
    },
    async readEnvVar(schemaName) {
      const result = await getContext().webAPI.retrieveMultipleRecords(ENV_DEFINITION_TABLE, envVarQuery(schemaName));
      return envVarValue(result.entities);
    },
    async readColumnLabels(table, columns) {
      const md = (await getContext().utils.getEntityMetadata(table, [...columns])) as MetadataLike;
      const labels: Record<string, string> = {};
      for (const column of columns) {
        const attr = md.Attributes?.get?.(column) ?? md.Attributes?.getByName?.(column);
        if (typeof attr?.DisplayName === 'string' && attr.DisplayName !== '') labels[column] = attr.DisplayName;
      }
      return labels;
    },
    setTimer: (callback, ms) => win.setTimeout(callback, ms),
    clearTimer: (handle) => win.clearTimeout(handle as number),
    now: () => new Date(),
  };
}
