import type { Logger } from 'pino';
import { MsalTokenProvider } from '../auth/msal-token-provider';
import { defaultScope, type TokenProvider } from '../auth/token-provider';
import type { Config } from '../config';
import { DataverseClient } from '../connectors/dataverse/client';
import { FinOpsClient } from '../connectors/finops/client';
import type { RequestCounter } from '../connectors/http/http-client';
import { realRetryDeps } from '../connectors/retry/with-retry';
import { connectorPorts } from './adapters';
import type { EnginePorts } from './ports';

export interface Services {
  readonly dataverse: DataverseClient;
  readonly finops: FinOpsClient;
  readonly ports: EnginePorts;
}

/** Builds the two connectors and the engine ports from the configuration (tokens via msal-node unless given). */
export function createServices(config: Config, logger: Logger, opts: { tokens?: { dataverse: TokenProvider; finops: TokenProvider }; counter?: RequestCounter } = {}): Services {
  const tokens = opts.tokens ?? {
    dataverse: new MsalTokenProvider({ ...config.dataverse.auth, clientSecret: config.secrets.dataverseClientSecret, baseDir: config.baseDir }),
    finops: new MsalTokenProvider({ ...config.finops.auth, clientSecret: config.secrets.finopsClientSecret, baseDir: config.baseDir }),
  };
  const retry = realRetryDeps(config.sync.retry, logger);
  const dataverse = new DataverseClient({
    url: config.dataverse.url,
    apiVersion: config.dataverse.apiVersion,
    scope: config.dataverse.auth.scope ?? defaultScope(config.dataverse.url),
    tokens: tokens.dataverse,
    retry,
    counter: opts.counter,
    pageSize: config.sync.pageSize,
  });
  const finops = new FinOpsClient({
    url: config.finops.url,
    scope: config.finops.auth.scope ?? defaultScope(config.finops.url),
    tokens: tokens.finops,
    retry,
    counter: opts.counter,
    pageSize: config.finops.pageSize,
  });
  return { dataverse, finops, ports: connectorPorts(dataverse, finops) };
}
