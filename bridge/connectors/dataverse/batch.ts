import type { DynamicsWebApi } from 'dynamics-web-api';
import type { DataverseClient } from './client';

/**
 * Runs the calls `fill` makes inside one $batch (dynamics-web-api startBatch/executeBatch);
 * `continueOnError` gives one result per request instead of stopping at the first failure.
 */
export async function executeDataverseBatch(client: DataverseClient, fill: (api: DynamicsWebApi) => void, continueOnError = true): Promise<unknown[]> {
  return client.call('$batch', async (api) => {
    api.startBatch();
    fill(api);
    return api.executeBatch({ continueOnError });
  });
}
