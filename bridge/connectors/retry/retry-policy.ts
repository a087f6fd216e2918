/** Statuses retried with backoff (DESIGN §6): throttling and transient unavailability. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryOptions {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface RetryInput {
  /** 1 for the first retry decision (after the first failed attempt). */
  readonly attempt: number;
  readonly status: number | undefined;
  /** Raw Retry-After header: delta seconds or an HTTP date. */
  readonly retryAfter?: string | null;
  /** Network failure without a status (connection reset, timeout). */
  readonly networkError?: boolean;
  readonly now: number;
  /** Uniform [0, 1) source for jitter. */
  readonly random: () => number;
}

export type RetryDecision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number; readonly honouredRetryAfter: boolean };

/** Parses Retry-After (seconds or HTTP date) into milliseconds from `now`; undefined if absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Pure retry decision: a server's Retry-After is waited in full (plus up to 10% jitter, never less);
 * otherwise capped exponential backoff with full jitter: random(0, min(max, base * 2^(attempt-1))).
 */
export function retryPolicy(input: RetryInput, options: RetryOptions): RetryDecision {
  const retryable = input.networkError === true || (input.status !== undefined && RETRYABLE_STATUSES.has(input.status));
  if (!retryable || input.attempt >= options.maxAttempts) return { retry: false };
  const after = parseRetryAfter(input.retryAfter, input.now);
  if (after !== undefined) {
    return { retry: true, delayMs: Math.round(after + after * 0.1 * input.random()), honouredRetryAfter: true };
  }
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (input.attempt - 1));
  return { retry: true, delayMs: Math.round(cap * input.random()), honouredRetryAfter: false };
}
