/** The emulator's transport-neutral request/response: the HTTP server and `$batch` parts both use it. */
import { ContentTypes, Headers } from './constants';
import { serializeError, toDataverseError } from './errors';

export interface DvRequest {
  method: string;
  /** Path and query from the server root: `/api/data/v9.2/accounts?$top=1`. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body?: Buffer | string;
}

export interface DvResponse {
  status: number;
  headers: Record<string, string>;
  /** Objects are sent as JSON, strings as is. */
  body?: unknown;
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): DvResponse {
  return { status, headers: { [Headers.contentType]: ContentTypes.json, [Headers.odataVersion]: '4.0', ...headers }, body };
}

export function noContent(headers: Record<string, string> = {}): DvResponse {
  return { status: 204, headers: { [Headers.odataVersion]: '4.0', ...headers } };
}

export function errorResponse(err: unknown, includeAnnotations = false): DvResponse {
  const e = toDataverseError(err);
  return json(e.status, serializeError(e, includeAnnotations), e.headers);
}

/** Parses `Prefer` values, honouring quoted values that contain commas. */
export function parsePrefer(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  let current = '';
  let quoted = false;
  const push = () => {
    const item = current.trim();
    current = '';
    if (!item) return;
    const eq = item.indexOf('=');
    out.set((eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : item.slice(eq + 1).trim().replace(/^"|"$/g, ''));
  };
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) push();
    else current += c;
  }
  push();
  return out;
}

export function bodyText(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return JSON.stringify(body);
}
