import type { DataverseClient } from './client';
import type { DvRow } from './retrieve-changes';

/** Ids per request: keeps the GET URL far below the 32 KB limit. */
const CHUNK = 100;

/** Reads records by primary id (lookup resolution): `$filter=id eq a or id eq b …`, chunked. */
export async function retrieveByIds(client: DataverseClient, entitySet: string, idField: string, ids: readonly string[], select: readonly string[]): Promise<DvRow[]> {
  const out: DvRow[] = [];
  const safe = ids.filter((id) => /^[0-9a-fA-F-]{36}$/.test(id));
  for (let i = 0; i < safe.length; i += CHUNK) {
    const chunk = safe.slice(i, i + CHUNK);
    const filter = chunk.map((id) => `${idField} eq ${id}`).join(' or ');
    const res = await client.call(`lookup ${entitySet}`, (api) => api.retrieveAll<DvRow>({ collection: entitySet, select: [idField, ...select], filter }));
    out.push(...res.value);
  }
  return out;
}

/**
 * Reads records of several tables by id in ONE $batch request (GET parts, ids chunked per part):
 * the lookups of a page cost one request whatever the number of lookup tables. Results per request.
 */
export async function retrieveByIdsBatch(
  client: DataverseClient,
  requests: readonly { entitySet: string; idField: string; ids: readonly string[]; select: readonly string[] }[],
): Promise<DvRow[][]> {
  const parts: { index: number; entitySet: string; idField: string; chunk: string[]; select: readonly string[] }[] = [];
  requests.forEach((r, index) => {
    const safe = r.ids.filter((id) => /^[0-9a-fA-F-]{36}$/.test(id));
    for (let i = 0; i < safe.length; i += CHUNK) parts.push({ index, entitySet: r.entitySet, idField: r.idField, chunk: safe.slice(i, i + CHUNK), select: r.select });
  });
  const out: DvRow[][] = requests.map(() => []);
  if (parts.length === 0) return out;
  if (parts.length === 1) {
    const p = parts[0];
    out[p.index] = await retrieveByIds(client, p.entitySet, p.idField, p.chunk, p.select);
    return out;
  }
  const responses = await client.call('lookups $batch', async (api) => {
    api.startBatch();
    for (const p of parts) {
      void api.retrieveMultiple({ collection: p.entitySet, select: [p.idField, ...p.select], filter: p.chunk.map((id) => `${p.idField} eq ${id}`).join(' or ') });
    }
    return api.executeBatch();
  });
  responses.forEach((res: unknown, i: number) => {
    const rows = (res as { value?: DvRow[] } | undefined)?.value ?? [];
    out[parts[i].index].push(...rows);
  });
  return out;
}

/** Reads a whole (small) table, e.g. currencies. */
export async function retrieveAllRows(client: DataverseClient, entitySet: string, select: readonly string[], filter?: string): Promise<DvRow[]> {
  const res = await client.call(`read ${entitySet}`, (api) => api.retrieveAll<DvRow>({ collection: entitySet, select: [...select], filter, maxPageSize: client.pageSize }));
  return res.value;
}
