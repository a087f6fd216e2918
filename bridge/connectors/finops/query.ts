import type { FinOpsClient } from './client';
import { FO } from './constants';
import { asFinOpsError } from './errors';

export interface FinOpsQuery {
  readonly entitySet: string;
  readonly select?: readonly string[];
  readonly filter?: string;
  /** `$orderby`, e.g. `ActualsImportId desc`. */
  readonly orderBy?: string;
  readonly top?: number;
  /** Read every company (`cross-company=true`). */
  readonly crossCompany?: boolean;
}

export type FoRow = Record<string, unknown>;

/** Reads an entity set page by page (server-driven paging through @odata.nextLink), as an async iterator of pages. */
export async function* queryPages(client: FinOpsClient, q: FinOpsQuery): AsyncGenerator<FoRow[]> {
  yield* pagesFrom(client, queryUrl(client, q));
}

/** The URL of a query's first page. */
export function queryUrl(client: FinOpsClient, q: FinOpsQuery): string {
  const params = new URLSearchParams();
  if (q.select && q.select.length > 0) params.set('$select', q.select.join(','));
  if (q.filter) params.set('$filter', q.filter);
  if (q.orderBy) params.set('$orderby', q.orderBy);
  if (q.top !== undefined) params.set('$top', String(q.top));
  if (q.crossCompany) params.set(FO.crossCompany, 'true');
  return `${client.dataUrl}/${q.entitySet}${params.size > 0 ? `?${params.toString().replace(/\+/g, '%20')}` : ''}`;
}

/** The headers of a paged read (page size asked for with odata.maxpagesize). */
export function pageHeaders(client: FinOpsClient): Record<string, string> {
  return client.headers({ Prefer: `odata.maxpagesize=${client.pageSize}` });
}

/** Pages from a URL (a first page or an @odata.nextLink) to the end. */
export async function* pagesFrom(client: FinOpsClient, start: string): AsyncGenerator<FoRow[]> {
  let url: string | undefined = start;
  while (url) {
    let body: { value?: FoRow[]; [FO.nextLink]?: string };
    try {
      const res = await client.http.send({ method: 'GET', url, headers: pageHeaders(client) });
      body = JSON.parse(res.text) as typeof body;
    } catch (err) {
      throw asFinOpsError(err);
    }
    yield body.value ?? [];
    url = body[FO.nextLink];
  }
}

/** Reads one record by key; undefined when it does not exist. */
export async function getByKey(client: FinOpsClient, entitySet: string, keySegment: string, crossCompany = true): Promise<FoRow | undefined> {
  try {
    const res = await client.http.send({ method: 'GET', url: `${client.dataUrl}/${keySegment}${crossCompany ? `?${FO.crossCompany}=true` : ''}`, headers: client.headers() });
    return JSON.parse(res.text) as FoRow;
  } catch (err) {
    const e = asFinOpsError(err);
    if (e instanceof Error && 'kind' in e && e.kind === 'notFound') return undefined;
    throw e;
  }
}
