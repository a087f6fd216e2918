import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createKeyVerifier } from '../../emulators/common/auth';
import { FinOpsEmulator, type FinOpsEmulatorOptions } from '../../emulators/finops';

/**
 * Jest harness for the F&O emulator alone (in memory, port 0): an RS256 key pair whose public half the
 * emulator trusts, a token minter (any appid/audience/lifetime) and a raw-HTTP client (node fetch).
 */
export const INTEGRATION_APP = 'psafo-sandbox';
export const OTHER_APP = 'someone-else';

export interface TokenOptions {
  appid?: string;
  audience?: string;
  expiresInSeconds?: number;
}

export interface FinOpsHarness {
  emulator: FinOpsEmulator;
  url: string;
  token(opts?: TokenOptions): Promise<string>;
  /** fetch against `${url}${path}` with a token of the integration app unless `auth` says otherwise. */
  call(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string>; auth?: TokenOptions | false }): Promise<Response>;
  close(): Promise<void>;
}

let keys: { privateKey: KeyLike; jwk: object } | undefined;

async function keyPair(): Promise<{ privateKey: KeyLike; jwk: object }> {
  if (!keys) {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    keys = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'finops-test', alg: 'RS256', use: 'sig' } };
  }
  return keys;
}

export async function startFinOps(options: Partial<FinOpsEmulatorOptions> = {}): Promise<FinOpsHarness> {
  const { privateKey, jwk } = await keyPair();
  const emulator = new FinOpsEmulator({ auth: createKeyVerifier({ publicJwks: { keys: [jwk] } }), ...options });
  const { url } = await emulator.start();
  const token = async (opts: TokenOptions = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (opts.expiresInSeconds ?? 3600);
    return new SignJWT({ appid: opts.appid ?? INTEGRATION_APP, tid: 'sandbox' })
      .setProtectedHeader({ alg: 'RS256', kid: 'finops-test' })
      .setIssuedAt(Math.min(now, exp - 60))
      .setNotBefore(Math.min(now, exp - 60))
      .setExpirationTime(exp)
      .setAudience(opts.audience ?? url)
      .setIssuer('https://login.sandbox/sandbox/v2.0')
      .sign(privateKey);
  };
  return {
    emulator,
    url,
    token,
    async call(path, init = {}) {
      const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
      if (init.auth !== false) headers.Authorization = `Bearer ${await token(init.auth ?? {})}`;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
      }
      return fetch(`${url}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
    },
    close: () => emulator.close(),
  };
}

export interface BatchOp {
  method: string;
  /** Path below the service root, e.g. `ProjCDSProjects` or `CustomersV3(dataAreaId='usmf',CustomerAccount='C1')`. */
  path: string;
  body?: unknown;
}

/** Builds an OData `$batch` body: each inner array is one changeset, a bare op is a single request. */
export function buildBatch(serviceRoot: string, parts: Array<BatchOp | BatchOp[]>, boundary = 'batch_test'): { body: string; contentType: string } {
  const lines: string[] = [];
  let contentId = 0;
  const op = (o: BatchOp) => {
    const out = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${++contentId}`, '', `${o.method} ${serviceRoot}/${o.path} HTTP/1.1`, 'OData-Version: 4.0', 'Accept: application/json'];
    if (o.body !== undefined) out.push('Content-Type: application/json; odata.metadata=minimal', '', JSON.stringify(o.body));
    else out.push('');
    return out.join('\r\n');
  };
  parts.forEach((p, i) => {
    lines.push(`--${boundary}`);
    if (Array.isArray(p)) {
      const cs = `changeset_${i}`;
      lines.push(`Content-Type: multipart/mixed; boundary=${cs}`, '');
      for (const o of p) lines.push(`--${cs}`, op(o));
      lines.push(`--${cs}--`);
    } else lines.push(op(p));
  });
  lines.push(`--${boundary}--`, '');
  return { body: lines.join('\r\n'), contentType: `multipart/mixed; boundary=${boundary}` };
}

/** Splits a `$batch` answer into the embedded HTTP responses (status and JSON body), in order. */
export function parseBatchResponse(text: string): Array<{ status: number; body: unknown; contentId?: string }> {
  const out: Array<{ status: number; body: unknown; contentId?: string }> = [];
  const re = /(?:Content-ID: (\S+)\r\n)?\r\nHTTP\/1\.1 (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*?)(?=\r\n--)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[4].trim();
    out.push({ status: Number(m[2]), body: raw === '' ? undefined : JSON.parse(raw), contentId: m[1] });
  }
  return out;
}
