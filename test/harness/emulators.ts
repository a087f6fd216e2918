import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Jest harness for the emulators (one place, never copied per test): a small HTTP(S) client that trusts the
 * sandbox CA, and `startTestEmulators` (ports 0, in memory, seed choice) with a token getter per service.
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = unknown>(): T;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** CA to trust for https URLs. */
  ca?: string | Buffer;
}

/** One HTTP(S) request with the whole body read; never throws on a status code. */
export function rawRequest(url: string, req: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const r = send(target, { method: req.method ?? 'GET', headers: req.headers, ca: req.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** POSTs a form-encoded body. */
export function postForm(url: string, fields: Record<string, string>, ca?: string | Buffer): Promise<RawResponse> {
  return rawRequest(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    ca,
  });
}
