import type { Logger } from 'pino';
import { retryPolicy, type RetryOptions } from './retry-policy';

/** What a failed attempt tells the retry loop. */
export interface AttemptFailure {
  readonly status?: number;
  readonly retryAfter?: string | null;
  readonly networkError?: boolean;
}

export interface RetryDeps {
  readonly options: RetryOptions;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
  readonly logger?: Logger;
  /** Called for every wait (tests and counters). */
  readonly onWait?: (info: { attempt: number; delayMs: number; status?: number; honouredRetryAfter: boolean }) => void;
}

export const realRetryDeps = (options: RetryOptions, logger?: Logger): RetryDeps => ({
  options,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
  random: Math.random,
  logger,
});

/**
 * Runs `attempt` until it succeeds or the policy stops: `classify` turns a thrown error into an
 * AttemptFailure (or undefined: not retryable, rethrow at once).
 */
export async function withRetry<T>(what: string, attempt: () => Promise<T>, classify: (err: unknown) => AttemptFailure | undefined, deps: RetryDeps): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const failure = classify(err);
      if (!failure) throw err;
      const d = retryPolicy({ attempt: n, status: failure.status, retryAfter: failure.retryAfter, networkError: failure.networkError, now: deps.now(), random: deps.random }, deps.options);
      if (!d.retry) throw err;
      deps.logger?.warn({ what, attempt: n, status: failure.status, delayMs: d.delayMs, retryAfter: failure.retryAfter ?? undefined }, 'retrying after a transient failure');
      deps.onWait?.({ attempt: n, delayMs: d.delayMs, status: failure.status, honouredRetryAfter: d.honouredRetryAfter });
      await deps.sleep(d.delayMs);
    }
  }
}
