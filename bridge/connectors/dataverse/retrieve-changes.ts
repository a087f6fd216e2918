import type { DataverseClient } from './client';

export type DvRow = Record<string, unknown>;

export interface ChangePage {
  readonly rows: readonly DvRow[];
  /** Ids removed since the last token. */
  readonly deleted: readonly string[];
  /** Present on the last page: the token for the next run. */
  readonly deltaLink?: string;
}

export interface ChangeQuery {
  readonly entitySet: string;
  readonly select: readonly string[];
  /** Delta link saved by the previous run; absent = full read with change tracking started. */
  readonly deltaLink?: string;
}

const isDeleted = (r: DvRow): boolean => r.reason === 'deleted' || String(r['@odata.context'] ?? '').endsWith('$deletedEntity');

/**
 * A saved delta link points at the service URL of the run that saved it; the environment may be
 * reached under another URL now (another host name, a sandbox on other ports): keep the path and
 * query, take the current API URL.
 */
export function rebaseLink(link: string, apiUrl: string): string {
  const match = /\/api\/data\/v\d+\.\d+\/(.*)$/.exec(link);
  return match ? `${apiUrl}/${match[1]}` : link;
}

/**
 * Reads changes of one table as pages (Prefer: odata.track-changes; 5,000 per page via
 * odata.maxpagesize; nextLink followed verbatim). The first run reads everything; later runs only changes.
 */
export async function* retrieveChanges(client: DataverseClient, q: ChangeQuery): AsyncGenerator<ChangePage> {
  const request = { collection: q.entitySet, select: [...q.select], trackChanges: true, maxPageSize: client.pageSize };
  let link: string | undefined = q.deltaLink ? rebaseLink(q.deltaLink, client.apiUrl) : undefined;
  for (;;) {
    const page = await client.call(`read ${q.entitySet}`, (api) => api.retrieveMultiple<DvRow>(request, link));
    const value = page.value ?? [];
    const rows = value.filter((r) => !isDeleted(r));
    const deleted = value.filter(isDeleted).map((r) => String(r.id));
    const next = page.oDataNextLink ?? page['@odata.nextLink'];
    const delta = page.oDataDeltaLink ?? page['@odata.deltaLink'];
    if (next) {
      yield { rows, deleted };
      link = next;
      continue;
    }
    yield { rows, deleted, deltaLink: delta };
    return;
  }
}

export interface ProbedPage extends ChangePage {
  /** More changes than one page: continue with this link (through retrieveChanges). */
  readonly nextLink?: string;
}

/**
 * The first page of several saved delta links in ONE $batch request (GET parts): an incremental run
 * learns in one request which tables changed. Results in the order of `links`.
 */
export async function probeChanges(client: DataverseClient, links: readonly { entitySet: string; select: readonly string[]; deltaLink: string }[]): Promise<ProbedPage[]> {
  if (links.length === 0) return [];
  const responses = await client.call('delta probe $batch', async (api) => {
    api.startBatch();
    for (const l of links) void api.retrieveMultiple<DvRow>({ collection: l.entitySet, select: [...l.select], trackChanges: true, maxPageSize: client.pageSize }, l.deltaLink);
    return api.executeBatch();
  });
  return responses.map(probedPage);
}

/** One GET part's answer (delta link read) as a probed page. */
export function probedPage(res: unknown): ProbedPage {
  const page = res as { value?: DvRow[]; oDataNextLink?: string; oDataDeltaLink?: string; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
  const value = page.value ?? [];
  const next = page.oDataNextLink ?? page['@odata.nextLink'];
  const delta = page.oDataDeltaLink ?? page['@odata.deltaLink'];
  return { rows: value.filter((r) => !isDeleted(r)), deleted: value.filter(isDeleted).map((r) => String(r.id)), ...(next ? { nextLink: next } : { deltaLink: delta }) };
}
