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

/** Splits on a boundary line; returns each part's text (without the boundary lines). */
function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current.join('\r\n'));
      current = trimmed === delimiter ? [] : undefined;
      if (trimmed !== delimiter) {
        closed = true;
        break;
      }
      continue;
    }
    if (current) current.push(line);
  }
  if (!closed) throw new BatchFormatError(`The multipart body is not terminated by '--${boundary}--'.`);
  return parts;
}

function headerBlock(text: string): { headers: Record<string, string>; rest: string } {
  const lines = text.split('\r\n');
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && lines[i].trim() === '' && i === 0) i++;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      break;
    }
    const c = line.indexOf(':');
    if (c <= 0) throw new BatchFormatError(`Malformed header line '${line}' in a batch part.`);
    headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, rest: lines.slice(i).join('\r\n') };
}

function parseHttp(text: string, contentId?: string): BatchHttpRequest {
  const lines = text.split('\r\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const m = /^([A-Z]+)\s+(\S+)(\s+HTTP\/1\.[01])?$/.exec((lines[i] ?? '').trim());
  if (!m) throw new BatchFormatError(`The batch part does not start with an HTTP request line (got '${lines[i] ?? ''}').`);
  const { headers, rest } = headerBlock(lines.slice(i + 1).join('\r\n'));
  const body = rest.replace(/(\r\n)+$/, '');
  return { method: m[1], url: m[2], headers, body: body === '' ? undefined : body, contentId };
}

export function parseBatch(body: string, boundary: string): BatchPart[] {
  return splitParts(body, boundary).map((partText) => {
    const { headers, rest } = headerBlock(partText);
    const inner = boundaryOf(headers['content-type']);
    if (inner) {
      const requests = splitParts(rest, inner).map((t) => {
        const h = headerBlock(t);
        if (!(h.headers['content-type'] ?? '').toLowerCase().startsWith('application/http')) {
          throw new BatchFormatError('Each changeset part needs Content-Type: application/http.');
        }
        return parseHttp(h.rest, h.headers['content-id']);
      });
      return { kind: 'changeset', requests } as BatchPart;
    }
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/http')) {
      throw new BatchFormatError('Each batch part needs Content-Type: application/http or multipart/mixed.');
    }
    return { kind: 'request', request: parseHttp(rest, headers['content-id']) } as BatchPart;
  });
}

function httpText(r: BatchHttpResponse): string {
  const head = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (r.contentId) head.push(`Content-ID: ${r.contentId}`);
  const inner = [`HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? ''}`.trimEnd(), ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`)];
  return `${head.join('\r\n')}\r\n\r\n${inner.join('\r\n')}\r\n\r\n${r.body ?? ''}`;
}

export type BatchResult = { kind: 'response'; response: BatchHttpResponse } | { kind: 'changeset'; responses: BatchHttpResponse[] };

export function serializeBatch(results: BatchResult[], boundary: string, newId: () => string): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`--${boundary}`);
    if (r.kind === 'response') {
      out.push(httpText(r.response));
    } else {
      const cs = `changesetresponse_${newId()}`;
      const inner = r.responses.map((x) => `--${cs}\r\n${httpText(x)}`).join('\r\n');
      out.push(`Content-Type: multipart/mixed; boundary=${cs}\r\n\r\n${inner}\r\n--${cs}--`);
    }
  }
  out.push(`--${boundary}--`, '');
  return out.join('\r\n');
}
