/**
 * A token bucket per caller. Pure apart from the clock, which is injected. Buckets of callers
 * that stay idle are dropped so that memory stays bounded under a flood of distinct callers.
 */
export interface RateLimitOptions {
  /** Requests per second refilled. */
  ratePerSecond: number;
  /** Burst size. */
  burst: number;
  /** At most this many callers are tracked; the least recently seen are forgotten. */
  maxCallers?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export function createRateLimiter(options: RateLimitOptions): (caller: string) => RateDecision {
  const now = options.now ?? Date.now;
  const maxCallers = options.maxCallers ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (caller) => {
    const t = now();
    const bucket = buckets.get(caller) ?? { tokens: options.burst, at: t };
    buckets.delete(caller);
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.ratePerSecond);
    bucket.at = t;
    let decision: RateDecision;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      decision = { allowed: true, retryAfterSeconds: 0 };
    } else {
      decision = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / options.ratePerSecond)) };
    }
    buckets.set(caller, bucket);
    if (buckets.size > maxCallers) buckets.delete(buckets.keys().next().value as string);
    return decision;
  };
}
