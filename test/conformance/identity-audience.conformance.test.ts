import { IdentityEmulator } from '../../emulators/identity/server';
import { decodeJwt } from 'jose';
import { postForm, startTestEmulators } from '../harness/emulators';
import type { TestEmulators } from '../harness/emulators';

/** Tokens from the identity emulator open the Dataverse and F&O emulators for their own audience only. */
describe('identity emulator tokens at the Dataverse and F&O emulators', () => {
  let emu: TestEmulators;

  beforeAll(async () => {
    emu = await startTestEmulators({ seed: 'demo', identityApps: [{ clientId: 'psafo-admin', clientSecret: 'admin-secret', resources: ['api://psa-fo-sync'], roles: ['Sync.Admin'] }] });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('Dataverse accepts its own token (WhoAmI, seeded demo accounts) and F&O its own (seeded legal entities)', async () => {
    const dv = emu.fetchAs('dataverse');
    const who = await dv('/api/data/v9.2/WhoAmI');
    expect(who.status).toBe(200);
    const accounts = await dv('/api/data/v9.2/accounts?$select=accountnumber');
    expect(accounts.status).toBe(200);
    expect(accounts.json<{ value: unknown[] }>().value.length).toBe(5);
    const fo = await emu.fetchAs('finops')('/data/LegalEntities');
    expect(fo.status).toBe(200);
    expect(fo.json<{ value: Array<{ LegalEntityId: string }> }>().value.map((l) => l.LegalEntityId).sort()).toEqual(['USMF', 'USSI']);
  });

  it('Dataverse answers 401 with its error body and WWW-Authenticate for an F&O token, an api:// token and no token', async () => {
    for (const auth of [`Bearer ${await emu.token('finops')}`, `Bearer ${await emu.token('bridge')}`, undefined]) {
      const res = await fetch(`${emu.urls.dataverse}/api/data/v9.2/accounts`, { headers: auth ? { Authorization: auth } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(`Bearer authorization_uri=${emu.urls.identity}/sandbox/oauth2/authorize, resource_id=${emu.urls.dataverse}/`);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('F&O answers 401 for a Dataverse token, an api:// token and no token', async () => {
    for (const auth of [`Bearer ${await emu.token('dataverse')}`, `Bearer ${await emu.token('bridge')}`, undefined]) {
      const res = await fetch(`${emu.urls.finops}/data/LegalEntities`, { headers: auth ? { Authorization: auth } : {} });
      expect(res.status).toBe(401);
    }
  });

  it('knows extra applications: an admin client restricted to the bridge API audience, with roles', async () => {
    const ask = (scope: string) => postForm(`${emu.urls.identity}/sandbox/oauth2/v2.0/token`,
      { grant_type: 'client_credentials', client_id: 'psafo-admin', client_secret: 'admin-secret', scope }, emu.caPem);
    const ok = await ask('api://psa-fo-sync/.default');
    expect(ok.status).toBe(200);
    expect(decodeJwt(ok.json<{ access_token: string }>().access_token)).toMatchObject({ aud: 'api://psa-fo-sync', appid: 'psafo-admin', roles: ['Sync.Admin'] });
    const denied = await ask(`${emu.urls.dataverse}/.default`);
    expect(denied.status).toBe(400);
    expect(denied.json<{ error_codes: number[] }>().error_codes).toEqual([500011]);
  });

  it('both reject an expired token and a token signed by another identity emulator', async () => {
    const expired = await emu.running.identity.mintToken({ audience: emu.urls.dataverse, nowOffsetSeconds: -7200 });
    const r1 = await fetch(`${emu.urls.dataverse}/api/data/v9.2/accounts`, { headers: { Authorization: `Bearer ${expired}` } });
    expect(r1.status).toBe(401);
    const expiredFo = await emu.running.identity.mintToken({ audience: emu.urls.finops, nowOffsetSeconds: -7200 });
    const r2 = await fetch(`${emu.urls.finops}/data/LegalEntities`, { headers: { Authorization: `Bearer ${expiredFo}` } });
    expect(r2.status).toBe(401);
    const stranger = new IdentityEmulator();
    await stranger.start();
    try {
      for (const [url, path] of [[emu.urls.dataverse, '/api/data/v9.2/accounts'], [emu.urls.finops, '/data/LegalEntities']]) {
        const forged = await stranger.mintToken({ audience: url });
        const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${forged}` } });
        expect(res.status).toBe(401);
      }
    } finally {
      await stranger.close();
    }
  });
});
