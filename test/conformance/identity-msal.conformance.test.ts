import { ConfidentialClientApplication } from '@azure/msal-node';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { IdentityEmulator } from '../../emulators/identity/server';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT } from '../../emulators/identity/constants';
import { rawRequest } from '../harness/emulators';

/** msal's pluggable network client, over node:https trusting the emulator's CA; records what msal fetches. */
function trustingNetworkClient(ca: string, seen: string[], emulatorHost: () => string): INetworkModule {
  const call = async <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    seen.push(`${method} ${new URL(url).pathname}`);
    if (new URL(url).host !== emulatorHost()) throw new Error(`msal tried to reach ${url}, outside the emulator`);
    const res = await rawRequest(url, { method, headers: options?.headers, body: options?.body, ca });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
    return { status: res.status, headers, body: JSON.parse(res.text) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}

describe('identity emulator with the real @azure/msal-node ConfidentialClientApplication', () => {
  const resource = 'http://127.0.0.1:7072';
  const identity = new IdentityEmulator({ resources: [resource] });
  let url: string;

  beforeAll(async () => {
    ({ url } = await identity.start());
  });
  afterAll(async () => {
    await identity.close();
  });

  function client(seen: string[], extra: Record<string, unknown> = {}, secret = SANDBOX_CLIENT_SECRET) {
    return new ConfidentialClientApplication({
      auth: {
        clientId: SANDBOX_CLIENT_ID,
        clientSecret: secret,
        authority: `${url}/${SANDBOX_TENANT}`,
        knownAuthorities: [new URL(url).host],
        ...extra,
      },
      system: { networkClient: trustingNetworkClient(identity.caPem, seen, () => new URL(url).host) },
    });
  }

  it('acquires a token with knownAuthorities (msal fetches the OpenID configuration, then the token)', async () => {
    const seen: string[] = [];
    const result = await client(seen).acquireTokenByClientCredential({ scopes: [`${resource}/.default`] });
    expect(result).not.toBeNull();
    expect(result?.tokenType).toBe('Bearer');
    expect(decodeJwt(result?.accessToken as string).aud).toBe(resource);
    expect(seen).toEqual([
      `GET /${SANDBOX_TENANT}/v2.0/.well-known/openid-configuration`,
      `POST /${SANDBOX_TENANT}/oauth2/v2.0/token`,
    ]);
  });

  it('without knownAuthorities msal sends instance discovery to login.microsoftonline.com, so it needs knownAuthorities or cloudDiscoveryMetadata', async () => {
    const seen: string[] = [];
    await expect(client(seen, { knownAuthorities: [] }).acquireTokenByClientCredential({ scopes: [`${resource}/.default`] }))
      .rejects.toThrow();
    expect(seen[0]).toBe('GET /common/discovery/instance');
  });

  it('acquires a token without knownAuthorities when cloudDiscoveryMetadata comes from the emulator', async () => {
    const authorize = encodeURIComponent(`${url}/${SANDBOX_TENANT}/oauth2/v2.0/authorize`);
    const discovery = await rawRequest(`${url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`, { ca: identity.caPem });
    const seen: string[] = [];
    const result = await client(seen, { knownAuthorities: [], cloudDiscoveryMetadata: discovery.text })
      .acquireTokenByClientCredential({ scopes: [`${resource}/.default`] });
    expect(decodeJwt(result?.accessToken as string).aud).toBe(resource);
    expect(seen).toEqual([
      `GET /${SANDBOX_TENANT}/v2.0/.well-known/openid-configuration`,
      `POST /${SANDBOX_TENANT}/oauth2/v2.0/token`,
    ]);
  });

  it('acquires a token with authorityMetadata given (no metadata fetch at all)', async () => {
    const metadata = (await rawRequest(`${url}/${SANDBOX_TENANT}/v2.0/.well-known/openid-configuration`, { ca: identity.caPem })).text;
    const seen: string[] = [];
    const result = await client(seen, { authorityMetadata: metadata }).acquireTokenByClientCredential({ scopes: [`${resource}/.default`] });
    expect(decodeJwt(result?.accessToken as string).aud).toBe(resource);
    expect(seen).toEqual([`POST /${SANDBOX_TENANT}/oauth2/v2.0/token`]);
  });

  it('surfaces the AADSTS error of a wrong secret as an msal ServerError', async () => {
    const seen: string[] = [];
    await expect(client(seen, {}, 'wrong').acquireTokenByClientCredential({ scopes: [`${resource}/.default`] }))
      .rejects.toMatchObject({ errorCode: 'invalid_client', errorMessage: expect.stringContaining('AADSTS7000215') });
  });
});
