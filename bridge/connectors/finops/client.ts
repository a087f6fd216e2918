import { HttpClient, type RequestCounter } from '../http/http-client';
import type { TokenProvider } from '../../auth/token-provider';
import type { RetryDeps } from '../retry/with-retry';
import { FO } from './constants';

export interface FinOpsClientOptions {
  readonly url: string;
  readonly scope: string;
  readonly tokens: TokenProvider;
  readonly retry: RetryDeps;
  readonly counter?: RequestCounter;
  readonly pageSize?: number;
}

/** The F&O connection every operation file uses: base URL + authenticated HTTP. */
export class FinOpsClient {
  readonly http: HttpClient;
  readonly dataUrl: string;
  readonly pageSize: number;

  constructor(opts: FinOpsClientOptions) {
    this.dataUrl = `${opts.url.replace(/\/+$/, '')}${FO.dataPath}`;
    this.pageSize = opts.pageSize ?? 10000;
    this.http = new HttpClient({ service: 'finops', scope: opts.scope, tokens: opts.tokens, retry: opts.retry, counter: opts.counter });
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Accept: FO.json, ...FO.odataVersion, ...extra };
  }
}
