/**
 * Service protection limits (PAD api-limits.md): per user, over a sliding window (300 s): number
 * of requests (6000), combined execution time (20 min), and concurrent requests (52, immediate).
 * Answers 429 with Retry-After (seconds) and the documented 0x8007232x bodies.
 */
import { errors } from './errors';

export interface ProtectionLimits {
  requests: number;
  windowSeconds: number;
  executionMs: number;
  concurrent: number;
}

export const DEFAULT_LIMITS: ProtectionLimits = { requests: 6000, windowSeconds: 300, executionMs: 1_200_000, concurrent: 52 };

interface UserWindow {
  /** Start times (ms) of the requests in the window, oldest first. */
  starts: number[];
  /** [end time, duration] of finished requests in the window, oldest first. */
  durations: Array<[number, number]>;
  durationSum: number;
  active: number;
}

export class ServiceProtection {
  private readonly users = new Map<string, UserWindow>();

  constructor(private limits: ProtectionLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  setLimits(limits: Partial<ProtectionLimits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  getLimits(): ProtectionLimits {
    return { ...this.limits };
  }

  reset(): void {
    this.users.clear();
  }

  /** Admits one request of `user` or throws the 429 the service answers. Call `leave` when done. */
  enter(user: string): { remaining: number; timeRemainingMs: number } {
    const now = this.now();
    const w = this.window(user, now);
    const windowMs = this.limits.windowSeconds * 1000;
    if (w.active >= this.limits.concurrent) throw errors.concurrencyLimit(1, this.limits.concurrent);
    if (w.starts.length >= this.limits.requests) {
      const retry = Math.max(1, Math.ceil((w.starts[0] + windowMs - now) / 1000));
      throw errors.requestCountLimit(retry, this.limits.requests, this.limits.windowSeconds);
    }
    if (w.durationSum >= this.limits.executionMs) {
      const retry = Math.max(1, Math.ceil((w.durations[0][0] + windowMs - now) / 1000));
      throw errors.executionTimeLimit(retry, this.limits.executionMs, this.limits.windowSeconds);
    }
    w.starts.push(now);
    w.active += 1;
    return { remaining: this.limits.requests - w.starts.length, timeRemainingMs: this.limits.executionMs - w.durationSum };
  }

  leave(user: string, durationMs: number): void {
    const w = this.users.get(user);
    if (!w) return;
    w.active = Math.max(0, w.active - 1);
    w.durations.push([this.now(), durationMs]);
    w.durationSum += durationMs;
  }

  private window(user: string, now: number): UserWindow {
    let w = this.users.get(user);
    if (!w) {
      w = { starts: [], durations: [], durationSum: 0, active: 0 };
      this.users.set(user, w);
    }
    const cutoff = now - this.limits.windowSeconds * 1000;
    let drop = 0;
    while (drop < w.starts.length && w.starts[drop] <= cutoff) drop++;
    if (drop) w.starts.splice(0, drop);
    drop = 0;
    while (drop < w.durations.length && w.durations[drop][0] <= cutoff) { w.durationSum -= w.durations[drop][1]; drop++; }
    if (drop) w.durations.splice(0, drop);
    return w;
  }
}
