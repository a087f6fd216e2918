import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { trustingNetworkClient } from './network-client';
import { AuthError, type TokenProvider } from './token-provider';

export interface MsalOptions {
  readonly authority: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** CA file trusted for the authority (sandbox ca.pem); relative to `baseDir`. */
  readonly caFile?: string;
  readonly baseDir?: string;
}

/**
 * Client credentials through @azure/msal-node (production Entra ID, or the sandbox identity
 * emulator: its host goes to `knownAuthorities` and its CA to the network client). msal caches tokens.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly app: ConfidentialClientApplication;

  constructor(options: MsalOptions) {
    const host = new URL(options.authority).host;
    const config: Configuration = {
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: options.authority,
        knownAuthorities: host.endsWith('login.microsoftonline.com') ? [] : [host],
      },
    };
    if (options.caFile) {
      const path = isAbsolute(options.caFile) ? options.caFile : resolve(options.baseDir ?? '.', options.caFile);
      config.system = { networkClient: trustingNetworkClient(readFileSync(path)) };
    }
    this.app = new ConfidentialClientApplication(config);
  }

  async getToken(scope: string): Promise<string> {
    try {
      const result = await this.app.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error('no access token in the answer');
      return result.accessToken;
    } catch (err) {
      throw new AuthError(`Cannot get a token for ${scope}: ${(err as Error).message}. Check the authority, client id and the PSAFO_* client secret.`, { cause: err });
    }
  }
}
