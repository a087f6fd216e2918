import { buildChangesetBatch, boundaryOf, parseBatchResponse, type BatchOperation } from '../odata/multipart';
import type { FinOpsClient } from './client';
import { FO } from './constants';
import { asFinOpsError, parseFinOpsError, type FinOpsServiceError } from './errors';

export type BatchResult = { readonly ok: true; readonly status: number } | { readonly ok: false; readonly error: FinOpsServiceError };

export class BatchProtocolError extends Error {
  readonly code = 'FINOPS_BATCH_PROTOCOL';
  constructor(message: string) {
    super(message);
    this.name = 'BatchProtocolError';
  }
}

/**
 * Sends operations in one $batch, one changeset per operation, and returns one result per operation
 * in order (a failing record does not roll back the others).
 */
export async function executeBatch(client: FinOpsClient, ops: readonly BatchOperation[]): Promise<BatchResult[]> {
  if (ops.length === 0) return [];
  // a create's 201 body (the whole row) is not needed: return=minimal saves building and parsing it
  // (the shared header object lets the batch builder write its header lines once)
  const minimal = ops.map((op) => (op.method !== 'POST' ? op : { ...op, headers: op.headers ? { ...FO.returnMinimal, ...op.headers } : FO.returnMinimal }));
  const parts = await sendBatch(client, buildChangesetBatch(minimal), ops.length, 'operations');
  return parts.map((p) => (p.status < 400 ? { ok: true, status: p.status } : { ok: false, error: parseFinOpsError(p.status, p.body) }));
}

/** POSTs one multipart $batch body and returns its parts, exactly `expected` of them. */
export async function sendBatch(client: FinOpsClient, batch: { contentType: string; body: string }, expected: number, what: string): Promise<ReturnType<typeof parseBatchResponse>> {
  let res;
  try {
    res = await client.http.send({ method: 'POST', url: `${client.dataUrl}/$batch`, headers: client.headers({ 'Content-Type': batch.contentType, Accept: 'multipart/mixed' }), body: batch.body });
  } catch (err) {
    throw asFinOpsError(err);
  }
  const boundary = boundaryOf(res.headers.get('content-type'));
  if (!boundary) throw new BatchProtocolError(`$batch answer without a multipart boundary (Content-Type ${res.headers.get('content-type') ?? 'none'})`);
  const parts = parseBatchResponse(res.text, boundary);
  if (parts.length !== expected) throw new BatchProtocolError(`$batch answered ${parts.length} parts for ${expected} ${what}`);
  return parts;
}

export { FO };
