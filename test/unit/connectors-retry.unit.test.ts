import { parseRetryAfter, retryPolicy } from '../../bridge/connectors/retry/retry-policy';
import { withRetry, type RetryDeps } from '../../bridge/connectors/retry/with-retry';

const options = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

/** A fake clock: sleep advances time instead of waiting. */
function fakeDeps(random = () => 0.5) {
  let now = Date.parse('2026-03-01T12:00:00Z');
  const waits: number[] = [];
  const deps: RetryDeps = {
    options,
    now: () => now,
    random,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
  return { deps, waits, now: () => now };
}

describe('retryPolicy', () => {
  const base = { now: Date.parse('2026-03-01T12:00:00Z'), random: () => 0.5 };
  it('retries only 429, 503, 504 and network errors', () => {
    expect(retryPolicy({ ...base, attempt: 1, status: 429 }, options).retry).toBe(true);
    expect(retryPolicy({ ...base, attempt: 1, status: 503 }, options).retry).toBe(true);
    expect(retryPolicy({ ...base, attempt: 1, status: 504 }, options).retry).toBe(true);
    expect(retryPolicy({ ...base, attempt: 1, status: undefined, networkError: true }, options).retry).toBe(true);
    for (const s of [400, 401, 404, 412, 500, 502]) expect(retryPolicy({ ...base, attempt: 1, status: s }, options).retry).toBe(false);
  });
  it('honours Retry-After in seconds and as an HTTP date, never waiting less', () => {
    expect(retryPolicy({ ...base, attempt: 1, status: 429, retryAfter: '3', random: () => 0 }, options)).toEqual({ retry: true, delayMs: 3000, honouredRetryAfter: true });
    const d = retryPolicy({ ...base, attempt: 1, status: 429, retryAfter: '3', random: () => 0.99 }, options);
    expect(d.retry && d.delayMs).toBeGreaterThanOrEqual(3000);
    expect(d.retry && d.delayMs).toBeLessThanOrEqual(3300);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:05 GMT', base.now)).toBe(5000);
    expect(parseRetryAfter('soon', base.now)).toBeUndefined();
  });
  it('backs off exponentially with full jitter, capped', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryPolicy({ ...base, attempt, status: 503, random: () => 0.999999 }, options));
    expect(delays.map((d) => (d.retry ? d.delayMs : -1))).toEqual([100, 200, 400, 800]);
    expect(retryPolicy({ ...base, attempt: 4, status: 503, random: () => 0.999999 }, { ...options, maxDelayMs: 300 })).toMatchObject({ delayMs: 300 });
    expect(retryPolicy({ ...base, attempt: 5, status: 503 }, options).retry).toBe(false);
  });
});

describe('withRetry', () => {
  it('waits what the server asked and then succeeds', async () => {
    const { deps, waits } = fakeDeps(() => 0);
    let calls = 0;
    const result = await withRetry(
      'op',
      async () => {
        calls++;
        if (calls < 3) throw Object.assign(new Error('throttled'), { status: calls === 1 ? 429 : 503, retryAfter: calls === 1 ? '2' : undefined });
        return 'done';
      },
      (e) => e as { status: number; retryAfter?: string },
      deps,
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 0]);
  });
  it('gives up after maxAttempts and rethrows the last error; never retries a 400', async () => {
    const { deps, waits } = fakeDeps();
    await expect(withRetry('op', async () => { throw Object.assign(new Error('busy'), { status: 503 }); }, (e) => e as { status: number }, deps)).rejects.toThrow('busy');
    expect(waits).toHaveLength(4);
    const second = fakeDeps();
    await expect(withRetry('op', async () => { throw Object.assign(new Error('bad'), { status: 400 }); }, (e) => e as { status: number }, second.deps)).rejects.toThrow('bad');
    expect(second.waits).toHaveLength(0);
  });
});
