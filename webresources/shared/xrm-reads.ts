/** Reads through the host's Xrm.WebApi (thin: the queries and the parsing are pure, elsewhere). */
import { envVarQuery, envVarValue } from './env-vars';
import { ENV_DEFINITION_TABLE, SYNC_STATUS_TABLE } from './names';
import { parseStatusRow, statusQuery, type SyncStatusRecord } from './sync-status';

/** The part of Xrm.WebApi these reads use. */
export type RetrieveApi = Pick<Xrm.WebApi, 'retrieveMultipleRecords'>;

export async function readEnvVar(webApi: RetrieveApi, schemaName: string): Promise<string | null> {
  const result = await webApi.retrieveMultipleRecords(ENV_DEFINITION_TABLE, envVarQuery(schemaName));
  return envVarValue(result.entities);
}

export async function readStatus(webApi: RetrieveApi, table: string, recordId: string): Promise<SyncStatusRecord | null> {
  const result = await webApi.retrieveMultipleRecords(SYNC_STATUS_TABLE, statusQuery(table, recordId), 1);
  return result.entities[0] ? parseStatusRow(result.entities[0]) : null;
}
