import type { DataverseClient } from './client';

export const UPSERT_MULTIPLE = 'UpsertMultiple';
export const ODATA_TYPE = '@odata.type';
export const CRM_NAMESPACE = 'Microsoft.Dynamics.CRM';

/**
 * Several UpsertMultiple calls in ONE $batch request (protocols §1.11), e.g. status rows and the run
 * row at the end of a run. Without `continue-on-error` the batch stops at the first failure and throws.
 */
export async function upsertMultipleInBatch(client: DataverseClient, groups: readonly { entitySet: string; logicalName: string; targets: readonly Readonly<Record<string, unknown>>[] }[]): Promise<void> {
  const nonEmpty = groups.filter((g) => g.targets.length > 0);
  if (nonEmpty.length === 0) return;
  await client.call(`$batch ${UPSERT_MULTIPLE}`, async (api) => {
    api.startBatch();
    for (const g of nonEmpty) {
      const Targets = g.targets.map((t) => ({ [ODATA_TYPE]: `${CRM_NAMESPACE}.${g.logicalName}`, ...t }));
      void api.callAction({ collection: g.entitySet, actionName: `${CRM_NAMESPACE}.${UPSERT_MULTIPLE}`, action: { Targets } });
    }
    return api.executeBatch({ continueOnError: false });
  });
}

/**
 * UpsertMultiple on one table (protocols §1.14): every target carries `@odata.type`; a target is
 * matched by its primary id or by `@odata.id` with an alternate key. One transaction per call.
 */
export async function upsertMultiple(client: DataverseClient, entitySet: string, logicalName: string, targets: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
  if (targets.length === 0) return;
  const Targets = targets.map((t) => ({ [ODATA_TYPE]: `${CRM_NAMESPACE}.${logicalName}`, ...t }));
  await client.call(`${UPSERT_MULTIPLE} ${entitySet}`, (api) => api.callAction({ collection: entitySet, actionName: `${CRM_NAMESPACE}.${UPSERT_MULTIPLE}`, action: { Targets } }));
}
