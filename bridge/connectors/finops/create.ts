import type { FinOpsClient } from './client';
import { FO } from './constants';
import { asFinOpsError } from './errors';

/** POST one record (F&O create). Throws FinOpsServiceError (kind 'duplicate' when the key exists). */
export async function createRecord(client: FinOpsClient, entitySet: string, payload: Readonly<Record<string, unknown>>): Promise<void> {
  try {
    await client.http.send({ method: 'POST', url: `${client.dataUrl}/${entitySet}`, headers: client.headers({ 'Content-Type': FO.json }), body: JSON.stringify(payload) });
  } catch (err) {
    throw asFinOpsError(err);
  }
}
