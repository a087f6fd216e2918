import type { FinOpsClient } from './client';
import { FO } from './constants';
import { asFinOpsError } from './errors';
import { keyPath } from './key';

/** PATCH one record by key (F&O update). Throws FinOpsServiceError (kind 'notFound' when the key is absent). */
export async function updateRecord(client: FinOpsClient, entitySet: string, key: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>): Promise<void> {
  try {
    await client.http.send({
      method: 'PATCH',
      url: `${client.dataUrl}/${keyPath(entitySet, key)}?${FO.crossCompany}=true`,
      headers: client.headers({ 'Content-Type': FO.json }),
      body: JSON.stringify(payload),
    });
  } catch (err) {
    throw asFinOpsError(err);
  }
}
