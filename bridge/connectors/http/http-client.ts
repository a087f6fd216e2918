import type { TokenProvider } from '../../auth/token-provider';
import { withRetry, type RetryDeps } from '../retry/with-retry';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Absolute URL. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A non-2xx answer; `parse` turns it into the service's typed error. */
export class HttpStatusError extends Error {
  readonly code = 'HTTP_STATUS';
  constructor(
    readonly response: HttpResponse,
    readonly request: HttpRequest,
  ) {
    super(`${request.method} ${request.url} answered ${response.status}`);
    this.name = 'HttpStatusError';
  }
}

/** Counts requests by service (benchmarks and the run summary). */
export interface RequestCounter {
  count(service: string, method: string): void;
}

/**
 * Bearer-authenticated HTTP over fetch, with the shared retry loop (429/503/504 honouring Retry-After,
 * network errors). Non-2xx answers that are not retried throw HttpStatusError.
 */
export class HttpClient {
  constructor(
    private readonly opts: {
      readonly service: string;
      readonly scope: string;
      readonly tokens: TokenProvider;
      readonly retry: RetryDeps;
      readonly counter?: RequestCounter;
      readonly timeoutMs?: number;
    },
  ) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    return withRetry(
      `${req.method} ${req.url}`,
      () => this.attempt(req, this.opts.timeoutMs ?? 120_000),
      (err) => {
        if (err instanceof HttpStatusError) return { status: err.response.status, retryAfter: err.response.headers.get('retry-after') };
        if (err instanceof Error && (err.name === 'TypeError' || err.name === 'TimeoutError')) return { networkError: true };
        return undefined;
      },
      this.opts.retry,
    );
  }

  /** One attempt, no retry, a short timeout: for probes such as /readyz that must answer quickly. */
  sendOnce(req: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
    return this.attempt(req, timeoutMs);
  }

  private async attempt(req: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
    const token = await this.opts.tokens.getToken(this.opts.scope);
    this.opts.counter?.count(this.opts.service, req.method);
    const res = await fetch(req.url, {
      method: req.method,
      headers: { Authorization: `Bearer ${token}`, ...req.headers },
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const response: HttpResponse = { status: res.status, headers: res.headers, text: await res.text() };
    if (res.status >= 400) throw new HttpStatusError(response, req);
    return response;
  }
}
