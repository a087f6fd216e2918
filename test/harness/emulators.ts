import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { startEmulators } from '../../emulators';
import type { RunningEmulators, StartEmulatorsOptions } from '../../emulators';
import {
  BRIDGE_API_AUDIENCE, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT,
} from '../../emulators/identity/constants';

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

// ---------------------------------------------------------------------------------------------------------------
// startTestEmulators: the three emulators for jest (ports 0, in memory unless dataDir), with real tokens.

export type EmulatedService = 'dataverse' | 'finops' | 'bridge';

export interface TestEmulators {
  urls: RunningEmulators['urls'];
  caPem: string;
  running: RunningEmulators;
  /** A bearer token for the service from the identity emulator's real token endpoint (cached per audience). */
  token(service: EmulatedService | { audience: string }): Promise<string>;
  /** Requests against a service's base URL with its bearer token. `path` starts with `/`. */
  fetchAs(service: 'dataverse' | 'finops'): (path: string, init?: Omit<RawRequest, 'ca'>) => Promise<RawResponse>;
  close(): Promise<void>;
}

export async function startTestEmulators(opts: Omit<StartEmulatorsOptions, 'ports'> = {}): Promise<TestEmulators> {
  const running = await startEmulators({ seed: 'none', ...opts, ports: { dataverse: 0, finops: 0, identity: 0 } });
  const tokens = new Map<string, string>();
  const audienceOf = (service: EmulatedService | { audience: string }): string =>
    typeof service === 'object' ? service.audience : service === 'bridge' ? BRIDGE_API_AUDIENCE : running.urls[service];
  const token = async (service: EmulatedService | { audience: string }): Promise<string> => {
    const audience = audienceOf(service);
    const cached = tokens.get(audience);
    if (cached) return cached;
    const res = await postForm(
      `${running.urls.identity}/${SANDBOX_TENANT}/oauth2/v2.0/token`,
      { grant_type: 'client_credentials', client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET, scope: `${audience}/.default` },
      running.caPem,
    );
    if (res.status !== 200) throw new Error(`token for ${audience}: ${res.status} ${res.text}`);
    const value = res.json<{ access_token: string }>().access_token;
    tokens.set(audience, value);
    return value;
  };
  const fetchAs = (service: 'dataverse' | 'finops') => async (path: string, init: Omit<RawRequest, 'ca'> = {}) =>
    rawRequest(`${running.urls[service]}${path}`, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers, Authorization: `Bearer ${await token(service)}` },
    });
  return { urls: running.urls, caPem: running.caPem, running, token, fetchAs, close: () => running.close() };
}
