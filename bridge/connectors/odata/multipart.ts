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
  // changeset boundaries: one random part per batch and the operation's number (unique within the body)
  const changeset = `changeset_${randomUUID()}_`;
  let body = '';
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const cs = `${changeset}${i + 1}`;
    body +=
      `--${boundary}${CRLF}Content-Type: multipart/mixed; boundary=${cs}${CRLF}${CRLF}` +
      `--${cs}${CRLF}Content-Type: application/http${CRLF}Content-Transfer-Encoding: binary${CRLF}Content-ID: ${i + 1}${CRLF}${CRLF}` +
      `${op.method} ${op.url} HTTP/1.1${CRLF}${headerLines(op.headers)}${CRLF}${CRLF}${op.body === undefined ? '' : JSON.stringify(op.body)}${CRLF}` +
      `--${cs}--${CRLF}`;
  }
  body += `--${boundary}--${CRLF}`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, body };
}

const OPERATION_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'application/json', Accept: 'application/json', 'OData-Version': '4.0' };
const headerText = (headers: Readonly<Record<string, string>>): string =>
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(CRLF);
const DEFAULT_HEADER_LINES = headerText(OPERATION_HEADERS);
/** Header lines of an operation by its extra headers object (a batch shares a few such objects). */
const headerLinesOf = new WeakMap<object, string>();
function headerLines(extra: Readonly<Record<string, string>> | undefined): string {
  if (!extra) return DEFAULT_HEADER_LINES;
  let text = headerLinesOf.get(extra);
  if (text === undefined) {
    text = headerText({ ...OPERATION_HEADERS, ...extra });
    headerLinesOf.set(extra, text);
  }
  return text;
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

/** End of the header block starting at `from`: where the blank line begins and where what follows it starts. */
function headEnd(text: string, from: number, to: number): { end: number; rest: number } {
  for (let nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) {
    const lineEnd = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (lineEnd === from) return { end: from, rest: nl + 1 };
    const next = nl + 1;
    if (text.charCodeAt(next) === 10) return { end: lineEnd, rest: next + 1 };
    if (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10) return { end: lineEnd, rest: next + 2 };
  }
  return { end: to, rest: to };
}

/** `Name: value` lines between two offsets; names lower-cased. */
function headersIn(text: string, from: number, to: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let pos = from; pos < to; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    const c = text.indexOf(':', pos);
    if (c > pos && c < nl) headers[text.slice(pos, c).trim().toLowerCase()] = text.slice(c + 1, nl).trim();
    pos = nl + 1;
  }
  return headers;
}

/** Offset after one leading line break (CRLF or LF) at `at`. */
function skipLineBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === 10) return at + 1;
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  return at;
}

const STATUS_LINE = /HTTP\/1\.[01] (\d{3})[^\r\n]*/y;

/** Parses a multipart/mixed batch answer into the embedded HTTP responses, changesets flattened, in order. */
export function parseBatchResponse(body: string, boundary: string): PartResponse[] {
  const out: PartResponse[] = [];
  partsInto(body, 0, body.length, boundary, out);
  return out;
}

/** The parts between `from` and `to` delimited by `boundary`, read in place (offsets, no copies of the text). */
function partsInto(text: string, from: number, to: number, boundary: string, out: PartResponse[]): void {
  const delimiter = `--${boundary}`;
  let at = text.indexOf(delimiter, from);
  while (at >= 0 && at < to) {
    const start = at + delimiter.length;
    if (text.startsWith('--', start)) return;
    let next = text.indexOf(delimiter, start);
    if (next < 0 || next > to) next = to;
    partInto(text, start, next, out);
    at = next < to ? next : -1;
  }
}

function partInto(text: string, from: number, to: number, out: PartResponse[]): void {
  const headStart = skipLineBreak(text, from);
  const head = headEnd(text, headStart, to);
  const headers = headersIn(text, headStart, head.end);
  const type = headers['content-type'] ?? '';
  if (type.toLowerCase().startsWith('multipart/mixed')) {
    const inner = boundaryOf(type);
    if (inner) partsInto(text, head.rest, to, inner, out);
    return;
  }
  STATUS_LINE.lastIndex = skipLineBreak(text, head.rest);
  const statusLine = STATUS_LINE.exec(text);
  if (!statusLine || statusLine.index + statusLine[0].length > to) return;
  const httpHeadStart = skipLineBreak(text, statusLine.index + statusLine[0].length);
  const httpHead = headEnd(text, httpHeadStart, to);
  out.push({
    status: Number(statusLine[1]),
    headers: headersIn(text, httpHeadStart, httpHead.end),
    body: text.slice(httpHead.rest, to).trim(),
    contentId: headers['content-id'],
  });
}
