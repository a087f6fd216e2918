import { buildReadBatch } from '../odata/multipart';
import { BatchProtocolError, sendBatch } from './batch';
import type { FinOpsClient } from './client';
import { FO } from './constants';
import { parseFinOpsError } from './errors';
import { pageHeaders, queryUrl, type FinOpsQuery, type FoRow } from './query';

export interface FirstPage {
  readonly rows: FoRow[];
  /** More rows than one page: continue with `pagesFrom(client, nextLink)`. */
  readonly nextLink?: string;
}

/**
 * The first page of several queries in ONE F&O $batch request (GET parts, no changeset): the F&O
 * reads of a run's F&O→PSA tasks cost one request together. A part that fails throws its F&O error.
 */
export async function queryFirstPages(client: FinOpsClient, queries: readonly FinOpsQuery[]): Promise<FirstPage[]> {
  if (queries.length === 0) return [];
  const parts = await sendBatch(client, buildReadBatch(queries.map((q) => ({ url: queryUrl(client, q), headers: pageHeaders(client) }))), queries.length, 'reads');
  return parts.map((p, i) => {
    if (p.status >= 400) throw parseFinOpsError(p.status, p.body);
    let page: { value?: FoRow[]; [FO.nextLink]?: string };
    try {
      page = JSON.parse(p.body) as typeof page;
    } catch {
      throw new BatchProtocolError(`$batch read of ${queries[i].entitySet} answered a body that is not JSON`);
    }
    const next = page[FO.nextLink];
    return { rows: page.value ?? [], ...(next ? { nextLink: next } : {}) };
  });
}
