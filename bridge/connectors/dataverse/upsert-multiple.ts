import type { DataverseClient } from './client';

export const UPSERT_MULTIPLE = 'UpsertMultiple';
export const ODATA_TYPE = '@odata.type';
export const CRM_NAMESPACE = 'Microsoft.Dynamics.CRM';

/**
 * UpsertMultiple on one table (protocols §1.14): every target carries `@odata.type`; a target is
 * matched by its primary id or by `@odata.id` with an alternate key. One transaction per call.
 */
export async function upsertMultiple(client: DataverseClient, entitySet: string, logicalName: string, targets: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
  if (targets.length === 0) return;
  const Targets = targets.map((t) => ({ [ODATA_TYPE]: `${CRM_NAMESPACE}.${logicalName}`, ...t }));
  await client.call(`${UPSERT_MULTIPLE} ${entitySet}`, (api) => api.callAction({ collection: entitySet, actionName: `${CRM_NAMESPACE}.${UPSERT_MULTIPLE}`, action: { Targets } }));
}
