import { DynamicsWebApi } from 'dynamics-web-api';
import type { TokenProvider } from '../../auth/token-provider';
import { HttpClient, type RequestCounter } from '../http/http-client';
import { withRetry, type RetryDeps } from '../retry/with-retry';
import { asDataverseError } from './errors';

export interface DataverseClientOptions {
  readonly url: string;
  readonly apiVersion: string;
  readonly scope: string;
  readonly tokens: TokenProvider;
  readonly retry: RetryDeps;
  readonly counter?: RequestCounter;
  readonly pageSize?: number;
}

/** The Dataverse connection: dynamics-web-api for the Web API, our HttpClient for $metadata. Every call retries 429/503/504. */
export class DataverseClient {
  readonly api: DynamicsWebApi;
  readonly http: HttpClient;
  readonly apiUrl: string;
  readonly pageSize: number;

  constructor(private readonly opts: DataverseClientOptions) {
    const serverUrl = opts.url.replace(/\/+$/, '');
    this.apiUrl = `${serverUrl}/api/data/v${opts.apiVersion}`;
    this.pageSize = opts.pageSize ?? 5000;
    this.api = new DynamicsWebApi({
      serverUrl,
      dataApi: { version: opts.apiVersion },
      propagateErrors: true,
      disableODataIdAbsoluteUrl: true,
      onTokenRefresh: async () => {
        opts.counter?.count('dataverse', 'ANY');
        return opts.tokens.getToken(opts.scope);
      },
    });
    this.http = new HttpClient({ service: 'dataverse', scope: opts.scope, tokens: opts.tokens, retry: opts.retry, counter: opts.counter });
  }

  /** Runs one dynamics-web-api call with the retry policy; errors become DataverseServiceError. */
  async call<T>(what: string, fn: (api: DynamicsWebApi) => Promise<T>): Promise<T> {
    try {
      return await withRetry(
        what,
        () => fn(this.api),
        (err) => {
          const e = err as { status?: number; headers?: Record<string, string> };
          if (typeof e?.status === 'number') return { status: e.status, retryAfter: e.headers?.['retry-after'] ?? e.headers?.['Retry-After'] };
          if (err instanceof Error && /ECONNRESET|ECONNREFUSED|socket hang up|ETIMEDOUT/.test(err.message)) return { networkError: true };
          return undefined;
        },
        this.opts.retry,
      );
    } catch (err) {
      throw asDataverseError(err);
    }
  }
}
