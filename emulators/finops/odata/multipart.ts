/**
 * OData 4.0 `$batch` multipart/mixed: parse a request body into parts (single requests and changesets)
 * and write the `batchresponse_`/`changesetresponse_` answer. Text-only: F&O batches carry JSON.
 */
export interface BatchHttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  contentId?: string;
}

export type BatchPart = { kind: 'request'; request: BatchHttpRequest } | { kind: 'changeset'; requests: BatchHttpRequest[] };

export class BatchFormatError extends Error {
  readonly code = 'FO_BATCH_FORMAT';
}

export interface BatchHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  contentId?: string;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed',
  412: 'Precondition Failed', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !contentType.toLowerCase().startsWith('multipart/mixed')) return undefined;
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType);
  return m?.[2];
}

/**
 * The body is split into lines once (on LF, dropping one CR before it) and every level of the multipart
 * structure works on ranges of those lines: a 1,000-changeset batch is not re-split and re-joined per
 * level. A range stands for its lines joined with CRLF (an empty range is the empty text).
 */
interface Range {
  start: number;
  end: number;
}

/** Splits a range on its boundary lines; returns each part's range (without the boundary lines). */
function splitParts(lines: string[], range: Range, boundary: string): Range[] {
  const delimiter = `--${boundary}`;
  const close = `${delimiter}--`;
  const parts: Range[] = [];
  let start = -1;
  for (let i = range.start; i < range.end; i++) {
    const line = lines[i];
    if (!line.startsWith(delimiter)) continue;
    const trimmed = line.trimEnd();
    if (trimmed !== delimiter && trimmed !== close) continue;
    if (start >= 0) parts.push({ start, end: i });
    if (trimmed === close) return parts;
    start = i + 1;
  }
  throw new BatchFormatError(`The multipart body is not terminated by '--${boundary}--'.`);
}

/** Header lines up to the first blank line (one blank line before them is skipped); `rest` is what follows. */
function headerBlock(lines: string[], range: Range): { headers: Record<string, string>; rest: Range } {
  const headers: Record<string, string> = {};
  let i = range.start;
  if (i < range.end && lines[i].trim() === '') i++;
  for (; i < range.end; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      break;
    }
    const c = line.indexOf(':');
    if (c <= 0) throw new BatchFormatError(`Malformed header line '${line}' in a batch part.`);
    headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, rest: { start: Math.min(i, range.end), end: range.end } };
}

const REQUEST_LINE = /^([A-Z]+)\s+(\S+)(\s+HTTP\/1\.[01])?$/;

function parseHttp(lines: string[], range: Range, contentId?: string): BatchHttpRequest {
  let i = range.start;
  while (i < range.end && lines[i].trim() === '') i++;
  const first = i < range.end ? lines[i] : '';
  const m = REQUEST_LINE.exec(first.trim());
  if (!m) throw new BatchFormatError(`The batch part does not start with an HTTP request line (got '${first}').`);
  const { headers, rest } = headerBlock(lines, { start: i + 1, end: range.end });
  // the body without trailing blank lines (trailing CRLFs)
  let end = rest.end;
  while (end > rest.start && lines[end - 1] === '') end--;
  const body = end - rest.start === 1 ? lines[rest.start] : lines.slice(rest.start, end).join('\r\n');
  return { method: m[1], url: m[2], headers, body: body === '' ? undefined : body, contentId };
}

export function parseBatch(body: string, boundary: string): BatchPart[] {
  const lines = body.split(/\r?\n/);
  return splitParts(lines, { start: 0, end: lines.length }, boundary).map((part) => {
    const { headers, rest } = headerBlock(lines, part);
    const inner = boundaryOf(headers['content-type']);
    if (inner) {
      const requests = splitParts(lines, rest, inner).map((r) => {
        const h = headerBlock(lines, r);
        if (!(h.headers['content-type'] ?? '').toLowerCase().startsWith('application/http')) {
          throw new BatchFormatError('Each changeset part needs Content-Type: application/http.');
        }
        return parseHttp(lines, h.rest, h.headers['content-id']);
      });
      return { kind: 'changeset', requests } as BatchPart;
    }
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/http')) {
      throw new BatchFormatError('Each batch part needs Content-Type: application/http or multipart/mixed.');
    }
    return { kind: 'request', request: parseHttp(lines, rest, headers['content-id']) } as BatchPart;
  });
}

function httpText(r: BatchHttpResponse): string {
  let text = 'Content-Type: application/http\r\nContent-Transfer-Encoding: binary';
  if (r.contentId) text += `\r\nContent-ID: ${r.contentId}`;
  text += `\r\n\r\n${`HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? ''}`.trimEnd()}`;
  for (const k of Object.keys(r.headers)) text += `\r\n${k}: ${r.headers[k]}`;
  return `${text}\r\n\r\n${r.body ?? ''}`;
}

export type BatchResult = { kind: 'response'; response: BatchHttpResponse } | { kind: 'changeset'; responses: BatchHttpResponse[] };

/** The multipart answer, built by appending (no array joins copying a 1,000-part body over and over). */
export function serializeBatch(results: BatchResult[], boundary: string, newId: () => string): string {
  let out = '';
  for (const r of results) {
    out += `--${boundary}\r\n`;
    if (r.kind === 'response') {
      out += httpText(r.response);
    } else {
      const cs = `changesetresponse_${newId()}`;
      out += `Content-Type: multipart/mixed; boundary=${cs}\r\n\r\n`;
      r.responses.forEach((x, i) => {
        out += `${i > 0 ? '\r\n' : ''}--${cs}\r\n${httpText(x)}`;
      });
      out += `\r\n--${cs}--`;
    }
    out += '\r\n';
  }
  return `${out}--${boundary}--\r\n`;
}
