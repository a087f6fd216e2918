/**
 * Helpers for raw-HTTP tests of the Dataverse emulator: a `$batch` multipart builder (the wire
 * format of PAD execute-batch-operations-using-web-api.md) and a multipart response reader.
 */
export interface BatchOp {
  method: string;
  /** Relative to the service root (`accounts`), absolute path (`/api/data/v9.2/accounts`) or `$1`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  contentId?: string;
}

export type BatchItem = BatchOp | { changeset: BatchOp[] };

const CRLF = '\r\n';

function httpPart(op: BatchOp): string {
  const head = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (op.contentId) head.push(`Content-ID: ${op.contentId}`);
  const inner = [`${op.method} ${op.url} HTTP/1.1`];
  if (op.body !== undefined) inner.push('Content-Type: application/json; type=entry');
  for (const [k, v] of Object.entries(op.headers ?? {})) inner.push(`${k}: ${v}`);
  const body = op.body === undefined ? '' : typeof op.body === 'string' ? op.body : JSON.stringify(op.body);
  return `${head.join(CRLF)}${CRLF}${CRLF}${inner.join(CRLF)}${CRLF}${CRLF}${body}${CRLF}`;
}

/** Returns the body and the Content-Type header of a `$batch` request. */
export function buildBatch(items: BatchItem[], id = 'batch_test'): { body: string; contentType: string } {
  let body = '';
  items.forEach((item, i) => {
    body += `--${id}${CRLF}`;
    if ('changeset' in item) {
      const cs = `changeset_${i}`;
      body += `Content-Type: multipart/mixed; boundary=${cs}${CRLF}${CRLF}`;
      for (const op of item.changeset) body += `--${cs}${CRLF}${httpPart(op)}`;
      body += `--${cs}--${CRLF}`;
    } else {
      body += httpPart(item);
    }
  });
  body += `--${id}--${CRLF}`;
  return { body, contentType: `multipart/mixed; boundary="${id}"` };
}

export interface BatchResponsePart {
  status: number;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
  /** Boundary of the changeset response that held the part, if any. */
  changeset?: string;
}

function boundaryOf(contentType: string): string {
  const m = /boundary=("?)([^";]+)\1/.exec(contentType);
  if (!m) throw new Error(`no boundary in '${contentType}'`);
  return m[2];
}

function splitParts(text: string, boundary: string): string[] {
  const pieces = text.split(`--${boundary}`);
  return pieces.slice(1, -1).map((p) => p.replace(/^\r\n/, ''));
}

function headBody(text: string): { headers: Record<string, string>; body: string } {
  const i = text.indexOf(`${CRLF}${CRLF}`);
  const head = i < 0 ? text : text.slice(0, i);
  const headers: Record<string, string> = {};
  for (const line of head.split(CRLF).filter(Boolean)) {
    const c = line.indexOf(':');
    headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, body: i < 0 ? '' : text.slice(i + 4) };
}

/** Flattens a `$batch` response into its HTTP responses, in order. */
export function readBatchResponse(contentType: string, text: string): BatchResponsePart[] {
  const out: BatchResponsePart[] = [];
  const visit = (partText: string, changeset?: string) => {
    const { headers, body } = headBody(partText);
    if (headers['content-type']?.startsWith('multipart/mixed')) {
      const b = boundaryOf(headers['content-type']);
      for (const p of splitParts(body, b)) visit(p, b);
      return;
    }
    const lines = body.split(CRLF);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0])?.[1]);
    const inner = headBody(lines.slice(1).join(CRLF));
    out.push({ status, headers: inner.headers, body: inner.body.replace(/\r\n$/, ''), contentId: headers['content-id'], changeset });
  };
  for (const p of splitParts(text, boundaryOf(contentType))) visit(p);
  return out;
}
