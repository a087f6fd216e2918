import fc from 'fast-check';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createJwksVerifier, createKeyVerifier } from '../../emulators/common/auth';
import { IdentityEmulator } from '../../emulators/identity/server';
import {
  SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT, SANDBOX_TENANT_ID,
} from '../../emulators/identity/constants';
import { postForm, rawRequest } from '../harness/emulators';

const RESOURCE = 'http://127.0.0.1:7071';

describe('identity emulator: token endpoint over raw https', () => {
  const identity = new IdentityEmulator({ resources: [RESOURCE] });
  let url: string;
  const form = (over: Record<string, string> = {}) => ({
    grant_type: 'client_credentials', client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET,
    scope: `${RESOURCE}/.default`, ...over,
  });

  beforeAll(async () => {
    ({ url } = await identity.start());
  });
  afterAll(async () => {
    await identity.close();
  });

  it('serves https with a certificate signed by the generated CA (and refuses to talk without trusting it)', async () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(identity.caPem).toContain('BEGIN CERTIFICATE');
    await expect(rawRequest(`${url}/${SANDBOX_TENANT}/discovery/v2.0/keys`)).rejects.toThrow(/certificate/i);
    const res = await rawRequest(`${url}/${SANDBOX_TENANT}/discovery/v2.0/keys`, { ca: identity.caPem });
    expect(res.status).toBe(200);
  });

  it('issues an RS256 token whose claims carry audience, issuer, app and tenant', async () => {
    const res = await postForm(identity.tokenUrl(), form(), identity.caPem);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const body = res.json<{ token_type: string; expires_in: number; access_token: string }>();
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3599);
    const claims = decodeJwt(body.access_token);
    const header = decodeProtectedHeader(body.access_token);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toBe(identity.publicJwks().keys[0] && (identity.publicJwks().keys[0] as { kid: string }).kid);
    expect(claims.aud).toBe(RESOURCE);
    expect(claims.iss).toBe(`${url}/${SANDBOX_TENANT}/v2.0`);
    expect(claims.appid).toBe(SANDBOX_CLIENT_ID);
    expect(claims.azp).toBe(SANDBOX_CLIENT_ID);
    expect(claims.tid).toBe(SANDBOX_TENANT_ID);
    expect(typeof claims.oid).toBe('string');
    expect((claims.exp as number) - (claims.iat as number)).toBe(3599);
    expect(claims.nbf).toBe(claims.iat);
  });

  it('accepts the tenant GUID in the path, a trailing slash on the resource and client_secret_basic', async () => {
    const res = await rawRequest(`${url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${SANDBOX_CLIENT_ID}:${SANDBOX_CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `${RESOURCE}//.default` }).toString(),
      ca: identity.caPem,
    });
    expect(res.status).toBe(200);
    expect(decodeJwt(res.json<{ access_token: string }>().access_token).aud).toBe(RESOURCE);
  });

  it('issues tokens for api:// audiences (the bridge admin API)', async () => {
    const res = await postForm(identity.tokenUrl(), form({ scope: 'api://psa-fo-sync/.default' }), identity.caPem);
    expect(res.status).toBe(200);
    expect(decodeJwt(res.json<{ access_token: string }>().access_token).aud).toBe('api://psa-fo-sync');
  });

  it.each([
    ['a wrong secret', form({ client_secret: 'nope' }), 401, 'invalid_client', 7000215],
    ['no secret', (() => { const f = form(); delete (f as Record<string, string>).client_secret; return f; })(), 401, 'invalid_client', 7000218],
    ['an unknown client', form({ client_id: 'someone-else' }), 400, 'unauthorized_client', 700016],
    ['a scope without /.default', form({ scope: `${RESOURCE}/user_impersonation` }), 400, 'invalid_scope', 70011],
    ['two resources in one request', form({ scope: `${RESOURCE}/.default api://x/.default` }), 400, 'invalid_scope', 70011],
    ['an unknown resource', form({ scope: 'http://127.0.0.1:9/.default' }), 400, 'invalid_resource', 500011],
    ['another grant type', form({ grant_type: 'password' }), 400, 'unsupported_grant_type', 70003],
    ['no grant type', (() => { const f = form(); delete (f as Record<string, string>).grant_type; return f; })(), 400, 'invalid_request', 900144],
    ['no scope', (() => { const f = form(); delete (f as Record<string, string>).scope; return f; })(), 400, 'invalid_request', 900144],
  ])('answers %s with the AADSTS error body', async (_name, fields, status, error, code) => {
    const res = await postForm(identity.tokenUrl(), fields as Record<string, string>, identity.caPem);
    expect(res.status).toBe(status);
    const body = res.json<Record<string, unknown>>();
    expect(body.error).toBe(error);
    expect(body.error_codes).toEqual([code]);
    expect(String(body.error_description)).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(String(body.error_description)).toContain('Trace ID:');
    expect(typeof body.trace_id).toBe('string');
    expect(typeof body.correlation_id).toBe('string');
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it('answers an unknown tenant with AADSTS90002, a GET on the token endpoint with 900561, JSON bodies with 900144', async () => {
    const t = await postForm(`${url}/contoso/oauth2/v2.0/token`, form(), identity.caPem);
    expect(t.status).toBe(400);
    expect(t.json<{ error_codes: number[] }>().error_codes).toEqual([90002]);
    const g = await rawRequest(identity.tokenUrl(), { ca: identity.caPem });
    expect(g.status).toBe(400);
    expect(g.json<{ error_codes: number[] }>().error_codes).toEqual([900561]);
    const j = await rawRequest(identity.tokenUrl(), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form()), ca: identity.caPem,
    });
    expect(j.status).toBe(400);
    expect(j.json<{ error_codes: number[] }>().error_codes).toEqual([900144]);
    const bad = await rawRequest(identity.tokenUrl(), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json', ca: identity.caPem,
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: string }>().error).toBe('invalid_request');
  });

  it('answers an oversized body with 413 and unknown paths with 404, both as JSON error bodies', async () => {
    const big = await postForm(identity.tokenUrl(), form({ pad: 'x'.repeat(100 * 1024) }), identity.caPem);
    expect(big.status).toBe(413);
    expect(big.json<{ error: string }>().error).toBe('invalid_request');
    const nf = await rawRequest(`${url}/nowhere`, { ca: identity.caPem });
    expect(nf.status).toBe(404);
    expect(nf.json<{ error: string }>().error).toBe('invalid_request');
  });

  it('serves the JWKS and OpenID configuration that describe the tokens', async () => {
    const oc = await rawRequest(`${url}/${SANDBOX_TENANT}/v2.0/.well-known/openid-configuration`, { ca: identity.caPem });
    expect(oc.status).toBe(200);
    const conf = oc.json<Record<string, string>>();
    expect(conf.issuer).toBe(identity.issuer());
    expect(conf.token_endpoint).toBe(identity.tokenUrl());
    expect(conf.jwks_uri).toBe(identity.jwksUrl());
    const jwks = (await rawRequest(conf.jwks_uri, { ca: identity.caPem })).json<{ keys: Array<Record<string, string>> }>();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    expect(jwks.keys[0].d).toBeUndefined();
    const inst = await rawRequest(
      `${url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${url}/${SANDBOX_TENANT}/oauth2/v2.0/authorize`)}`,
      { ca: identity.caPem },
    );
    expect(inst.status).toBe(200);
    expect(inst.json<{ tenant_discovery_endpoint: string }>().tenant_discovery_endpoint).toBe(
      `${url}/${SANDBOX_TENANT}/v2.0/.well-known/openid-configuration`,
    );
  });

  it('produces tokens the shared verifiers accept for their audience only (JWKS over https and in-process)', async () => {
    const token = (await postForm(identity.tokenUrl(), form(), identity.caPem)).json<{ access_token: string }>().access_token;
    const remote = createJwksVerifier({ jwksUrl: identity.jwksUrl(), issuer: identity.issuer(), ca: identity.caPem });
    const local = createKeyVerifier({ publicJwks: identity.publicJwks(), issuer: identity.issuer() });
    for (const v of [remote, local]) {
      const ok = await v.verify(`Bearer ${token}`, `${RESOURCE}/`);
      expect(ok.ok).toBe(true);
      const other = await v.verify(`Bearer ${token}`, 'http://127.0.0.1:7072');
      expect(other).toMatchObject({ ok: false, error: 'audience' });
      expect(await v.verify(undefined, RESOURCE)).toMatchObject({ ok: false, error: 'missing' });
      expect(await v.verify(`Bearer ${token.slice(0, -4)}AAAA`, RESOURCE)).toMatchObject({ ok: false, error: 'invalid' });
    }
    const expired = await identity.mintToken({ audience: RESOURCE, nowOffsetSeconds: -7200 });
    expect(await local.verify(`Bearer ${expired}`, RESOURCE)).toMatchObject({ ok: false, error: 'expired' });
    const stranger = new IdentityEmulator();
    await stranger.start();
    try {
      const foreign = await stranger.mintToken({ audience: RESOURCE });
      expect(await local.verify(`Bearer ${foreign}`, RESOURCE)).toMatchObject({ ok: false, error: 'invalid' });
    } finally {
      await stranger.close();
    }
  });

  it('never answers 5xx to malformed requests (generated bodies, headers and paths)', async () => {
    const field = fc.constantFrom('grant_type', 'client_id', 'client_secret', 'scope', 'client_assertion_type', 'x');
    const value = fc.oneof(fc.string(), fc.constantFrom('client_credentials', SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, `${RESOURCE}/.default`, '%E0%A4%A', '\u0000'));
    const request = fc.record({
      body: fc.oneof(fc.dictionary(field, value).map((d) => new URLSearchParams(d).toString()), fc.string(), fc.constant('%%%')),
      contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x'),
      basic: fc.option(fc.string().map((x) => `Basic ${Buffer.from(x).toString('base64')}`), { nil: undefined }),
      tenant: fc.oneof(fc.constant(SANDBOX_TENANT), fc.stringMatching(/^[A-Za-z0-9%._-]{1,20}$/)),
    });
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const headers: Record<string, string> = { 'Content-Type': r.contentType };
      if (r.basic) headers.Authorization = r.basic;
      const res = await rawRequest(`${url}/${r.tenant}/oauth2/v2.0/token`, { method: 'POST', headers, body: r.body, ca: identity.caPem });
      expect(res.status).toBeLessThan(500);
      const body = res.json<Record<string, unknown>>();
      if (res.status === 200) expect(body.token_type).toBe('Bearer');
      else expect(typeof body.error).toBe('string');
    }), { numRuns: 150, seed: 20261128 });
  });

  it('applies fault rules from /_emulator/faults and counts requests', async () => {
    const put = await rawRequest(`${url}/_emulator/faults`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ path: '/oauth2/v2.0/token', rate503: 1, retryAfterSeconds: 7 }]), ca: identity.caPem,
    });
    expect(put.status).toBe(200);
    await rawRequest(`${url}/_emulator/requests`, { method: 'DELETE', ca: identity.caPem });
    const res = await postForm(identity.tokenUrl(), form(), identity.caPem);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json<{ error: string }>().error).toBe('temporarily_unavailable');
    const counts = (await rawRequest(`${url}/_emulator/requests`, { ca: identity.caPem })).json<{ total: number; byRoute: Record<string, number> }>();
    expect(counts.total).toBe(1);
    expect(counts.byRoute[`POST /${SANDBOX_TENANT}/oauth2/v2.0/token`]).toBe(1);
    const badRule = await rawRequest(`${url}/_emulator/faults`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ rate429: 3 }]), ca: identity.caPem,
    });
    expect(badRule.status).toBe(400);
    const reset = await rawRequest(`${url}/_emulator/reset`, { method: 'POST', ca: identity.caPem });
    expect(reset.status).toBe(204);
    expect((await postForm(identity.tokenUrl(), form(), identity.caPem)).status).toBe(200);
  });
});
