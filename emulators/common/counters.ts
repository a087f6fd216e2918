/**
 * Request counters by route, for `/_emulator/requests`. The route key is `"<METHOD> <path>"` with the
 * query string removed, e.g. `"GET /api/data/v9.2/accounts"`.
 */
export interface CountersSnapshot {
  total: number;
  byRoute: Record<string, number>;
}

export function routeKey(method: string, path: string): string {
  const q = path.indexOf('?');
  return `${method.toUpperCase()} ${q >= 0 ? path.slice(0, q) : path}`;
}

export class RequestCounters {
  private readonly counts = new Map<string, number>();
  private count = 0;

  record(method: string, path: string): void {
    const key = routeKey(method, path);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.count += 1;
  }

  snapshot(): CountersSnapshot {
    const byRoute: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) byRoute[key] = this.counts.get(key) ?? 0;
    return { total: this.count, byRoute };
  }

  reset(): void {
    this.counts.clear();
    this.count = 0;
  }
}
