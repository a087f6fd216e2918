import { randomUUID } from 'node:crypto';

/** OData $batch (multipart/mixed) framing, shared by the F&O client. Pure functions. */
const CRLF = '\r\n';

export interface BatchOperation {
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  /** Absolute URL of the operation. */
  readonly url: string;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PartResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly contentId?: string;
}

/** Builds a $batch body with ONE changeset per operation (each record commits or fails alone). */
export function buildChangesetBatch(ops: readonly BatchOperation[], boundary = `batch_${randomUUID()}`): { contentType: string; body: string } {
  const lines: string[] = [];
  ops.forEach((op, i) => {
    const cs = `changeset_${randomUUID()}`;
    lines.push(`--${boundary}`, `Content-Type: multipart/mixed; boundary=${cs}`, '');
    lines.push(`--${cs}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${i + 1}`, '');
    lines.push(`${op.method} ${op.url} HTTP/1.1`);
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'OData-Version': '4.0', ...op.headers };
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    lines.push('', op.body === undefined ? '' : JSON.stringify(op.body));
    lines.push(`--${cs}--`);
  });
  lines.push(`--${boundary}--`, '');
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: lines.join(CRLF) };
}

/** Builds a $batch body of GET requests, each a top-level part (reads are never inside a changeset). */
export function buildReadBatch(reads: readonly { url: string; headers?: Readonly<Record<string, string>> }[], boundary = `batch_${randomUUID()}`): { contentType: string; body: string } {
  const lines: string[] = [];
  reads.forEach((r, i) => {
    lines.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${i + 1}`, '');
    lines.push(`GET ${r.url} HTTP/1.1`);
    const headers = { Accept: 'application/json', 'OData-Version': '4.0', ...r.headers };
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    lines.push('', '');
  });
  lines.push(`--${boundary}--`, '');
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: lines.join(CRLF) };
}

export function boundaryOf(contentType: string | null): string | undefined {
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
  return m?.[2];
}

function splitHead(text: string): { headers: Record<string, string>; rest: string } {
  const normalized = text.replace(/^\r?\n/, '');
  const idx = normalized.search(/\r?\n\r?\n/);
  const head = idx < 0 ? normalized : normalized.slice(0, idx);
  const rest = idx < 0 ? '' : normalized.slice(idx).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const c = line.indexOf(':');
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, rest };
}

/** Parses a multipart/mixed batch answer into the embedded HTTP responses, changesets flattened, in order. */
export function parseBatchResponse(body: string, boundary: string): PartResponse[] {
  const out: PartResponse[] = [];
  const chunks = body.split(`--${boundary}`);
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const { headers, rest } = splitHead(chunk);
    const type = headers['content-type'] ?? '';
    if (type.toLowerCase().startsWith('multipart/mixed')) {
      const inner = boundaryOf(type);
      if (inner) out.push(...parseBatchResponse(rest, inner));
      continue;
    }
    const http = rest.replace(/^\r?\n/, '');
    const statusLine = /^HTTP\/1\.[01] (\d{3})[^\r\n]*/.exec(http);
    if (!statusLine) continue;
    const after = splitHead(http.slice(statusLine[0].length));
    const partBody = after.rest.replace(/\r?\n$/, '').trim();
    out.push({ status: Number(statusLine[1]), headers: after.headers, body: partBody, contentId: headers['content-id'] });
  }
  return out;
}
