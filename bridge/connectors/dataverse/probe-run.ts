import type { DataverseClient } from './client';
import { retrieveAllRows } from './retrieve-by-ids';
import { probedPage, type DvRow, type ProbedPage } from './retrieve-changes';

export interface WholeTable {
  readonly entitySet: string;
  readonly select: readonly string[];
}

/**
 * The start of an incremental run in ONE $batch request (GET parts): the first change page of every
 * saved delta link and the whole small tables the run maps with (currencies, transaction categories).
 * A table larger than one page is read again in full on its own (never the case for these tables).
 */
export async function probeRun(
  client: DataverseClient,
  links: readonly { entitySet: string; select: readonly string[]; deltaLink: string }[],
  tables: readonly WholeTable[],
): Promise<{ pages: ProbedPage[]; tables: DvRow[][] }> {
  if (links.length + tables.length === 0) return { pages: [], tables: [] };
  const responses = await client.call('run probe $batch', async (api) => {
    api.startBatch();
    for (const l of links) void api.retrieveMultiple<DvRow>({ collection: l.entitySet, select: [...l.select], trackChanges: true, maxPageSize: client.pageSize }, l.deltaLink);
    for (const t of tables) void api.retrieveMultiple<DvRow>({ collection: t.entitySet, select: [...t.select], maxPageSize: client.pageSize });
    return api.executeBatch();
  });
  const pages = responses.slice(0, links.length).map(probedPage);
  const rows = await Promise.all(
    tables.map(async (t, i) => {
      const res = responses[links.length + i] as { value?: DvRow[]; oDataNextLink?: string; '@odata.nextLink'?: string };
      if (res.oDataNextLink ?? res['@odata.nextLink']) return retrieveAllRows(client, t.entitySet, t.select);
      return res.value ?? [];
    }),
  );
  return { pages, tables: rows };
}
