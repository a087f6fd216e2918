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

/** Reads a whole (small) table, e.g. currencies. */
export async function retrieveAllRows(client: DataverseClient, entitySet: string, select: readonly string[], filter?: string): Promise<DvRow[]> {
  const res = await client.call(`read ${entitySet}`, (api) => api.retrieveAll<DvRow>({ collection: entitySet, select: [...select], filter, maxPageSize: client.pageSize }));
  return res.value;
}
