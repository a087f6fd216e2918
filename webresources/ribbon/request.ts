/** The psafo_SyncNow Custom API request for Xrm.WebApi.online.execute (pure). */
import { SYNC_NOW_API, SYNC_NOW_MAX_RECORDS, SyncNowParam } from '../shared/names';
import { normalizeId } from '../shared/sync-status';

/** Xrm.WebApi.online.execute parameter type codes (Xrm "structuralProperty"). */
export const StructuralProperty = { PrimitiveType: 1, ComplexType: 2, EnumerationType: 3, Collection: 4, EntityType: 5 } as const;
/** Xrm "operationType": 0 action, 1 function, 2 CRUD. */
export const OPERATION_TYPE_ACTION = 0;

export interface SyncNowRequest {
  readonly EntityLogicalName: string;
  readonly RecordIds: readonly string[];
  getMetadata(): {
    boundParameter: null;
    parameterTypes: Record<string, { typeName: string; structuralProperty: number }>;
    operationType: number;
    operationName: string;
  };
}

export function buildSyncNowRequest(entityLogicalName: string, recordIds: readonly string[]): SyncNowRequest {
  return {
    [SyncNowParam.entityLogicalName]: entityLogicalName,
    [SyncNowParam.recordIds]: recordIds.map(normalizeId),
    getMetadata: () => ({
      boundParameter: null,
      parameterTypes: {
        [SyncNowParam.entityLogicalName]: { typeName: 'Edm.String', structuralProperty: StructuralProperty.PrimitiveType },
        [SyncNowParam.recordIds]: { typeName: 'Collection(Edm.String)', structuralProperty: StructuralProperty.Collection },
      },
      operationType: OPERATION_TYPE_ACTION,
      operationName: SYNC_NOW_API,
    }),
  } as SyncNowRequest;
}

export type SelectionCheck = { ok: true; ids: string[] } | { ok: false; reason: 'none' | 'tooMany'; count: number };

/** Grid selection: 1..250 distinct ids. */
export function checkSelection(ids: readonly string[] | null | undefined): SelectionCheck {
  const unique = [...new Set((ids ?? []).map(normalizeId).filter((id) => id !== ''))];
  if (unique.length === 0) return { ok: false, reason: 'none', count: 0 };
  if (unique.length > SYNC_NOW_MAX_RECORDS) return { ok: false, reason: 'tooMany', count: unique.length };
  return { ok: true, ids: unique };
}
