import type { Logger } from 'pino';
import type { Config } from './config/load';
import { MsalTokenProvider } from './auth/msal-token-provider';
import { defaultScope, type TokenProvider } from './auth/token-provider';
import { DataverseClient } from './connectors/dataverse/client';
import { realRetryDeps } from './connectors/retry/with-retry';
import type { RequestCounter } from './connectors/http/http-client';

/** Token providers of the two services from the configuration (msal-node client credentials). */
export function tokenProviders(config: Config): { dataverse: TokenProvider; finops: TokenProvider } {
  const provider = (auth: Config['dataverse']['auth'], clientSecret: string) =>
    new MsalTokenProvider({ authority: auth.authority, clientId: auth.clientId, clientSecret, caFile: auth.caFile, baseDir: config.baseDir });
  return {
    dataverse: provider(config.dataverse.auth, config.secrets.dataverseClientSecret),
    finops: provider(config.finops.auth, config.secrets.finopsClientSecret),
  };
}

/** The Dataverse connection of a configuration. */
export function dataverseClient(config: Config, tokens: TokenProvider, logger?: Logger, counter?: RequestCounter): DataverseClient {
  return new DataverseClient({
    url: config.dataverse.url,
    apiVersion: config.dataverse.apiVersion,
    scope: config.dataverse.auth.scope ?? defaultScope(config.dataverse.url),
    tokens,
    retry: realRetryDeps(config.sync.retry, logger),
    counter,
    pageSize: config.sync.pageSize,
  });
}
