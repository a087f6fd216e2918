/**
 * multipart/mixed for `$batch` (PAD webapi/execute-batch-operations-using-web-api.md): parts of
 * `application/http` carrying one HTTP request each, or a nested multipart changeset.
 */
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { STATUS_TEXT, bodyText } from '../http';

export interface MimePart {
  headers: Record<string, string>;
  body: string;
}

export interface HttpMessage {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed\s*(;|$)/i.test(contentType)) return undefined;
  const m = /boundary\s*=\s*("([^"]+)"|[^;\s]+)/i.exec(contentType);
  return m ? (m[2] ?? m[1]) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function splitHead(text: string): { head: string[]; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text.split(/\r?\n/).filter((l) => l.length > 0), body: '' };
  return { head: text.slice(0, m.index).split(/\r?\n/), body: text.slice(m.index + m[0].length) };
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw errors.batch(`The batch part header line '${line}' is not a valid 'Name: value' header.`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Splits a multipart body into parts; requires the closing `--boundary--`. */
export function splitMultipart(text: string, boundary: string): MimePart[] {
  const pieces = text.split(new RegExp(`(?:\\r?\\n)?--${escapeRegExp(boundary)}`));
  if (pieces.length < 2) throw errors.batch(`The batch body does not contain the boundary '${boundary}' declared in Content-Type.`);
  const last = pieces[pieces.length - 1];
  if (!last.startsWith('--')) throw errors.batch(`The batch body is not terminated by the closing boundary '--${boundary}--'.`);
  return pieces.slice(1, -1).map((piece) => {
    const nl = piece.indexOf('\n');
    const content = nl < 0 ? '' : piece.slice(nl + 1);
    const { head, body } = splitHead(content);
    return { headers: parseHeaders(head.filter((l) => l.length > 0)), body };
  });
}

/** The HTTP request inside an `application/http` part: request line, headers, body. */
export function parseHttpRequest(text: string): HttpMessage {
  const trimmed = text.replace(/^(\r?\n)+/, '');
  const { head, body } = splitHead(trimmed);
  const m = /^([A-Z]+)\s+(.+?)(\s+HTTP\/1\.[01])?$/.exec(head[0] ?? '');
  if (!m) throw errors.batch(`The batch part does not start with a request line such as 'POST /api/data/v9.2/accounts HTTP/1.1' (got '${(head[0] ?? '').slice(0, 100)}').`);
  return { method: m[1], url: m[2], headers: parseHeaders(head.slice(1).filter((l) => l.length > 0)), body: body.replace(/\r?\n$/, '') };
}

function responseText(resp: DvResponse): string {
  const lines = [`HTTP/1.1 ${resp.status} ${STATUS_TEXT[resp.status] ?? ''}`.trimEnd()];
  for (const [k, v] of Object.entries(resp.headers)) lines.push(`${k}: ${v}`);
  const body = bodyText(resp.body);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export type ResponsePart = { resp: DvResponse; contentId?: string } | { changeset: Array<{ resp: DvResponse; contentId?: string }> };

function httpPart(resp: DvResponse, contentId?: string): string {
  const head = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (contentId !== undefined) head.push(`Content-ID: ${contentId}`);
  return `${head.join('\r\n')}\r\n\r\n${responseText(resp)}\r\n`;
}

export function serializeBatchResponse(parts: ResponsePart[], boundary: string, changesetBoundary: () => string): string {
  let out = '';
  for (const part of parts) {
    out += `--${boundary}\r\n`;
    if ('changeset' in part) {
      const cs = changesetBoundary();
      out += `Content-Type: multipart/mixed; boundary=${cs}\r\n\r\n`;
      for (const item of part.changeset) out += `--${cs}\r\n${httpPart(item.resp, item.contentId)}`;
      out += `--${cs}--\r\n`;
    } else {
      out += httpPart(part.resp, part.contentId);
    }
  }
  return `${out}--${boundary}--\r\n`;
}
