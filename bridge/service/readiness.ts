import type { ReadinessPort } from '../http/ports';

export interface Probe {
  name: string;
  check(): Promise<void>;
}

/** /readyz: every probe must answer within the timeout. */
export function readiness(probes: Probe[], timeoutMs = 3000): ReadinessPort {
  return {
    async check() {
      const results = await Promise.all(
        probes.map(async (p) => {
          let timer: NodeJS.Timeout | undefined;
          try {
            await Promise.race([
              p.check(),
              new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
              }),
            ]);
            return [p.name, { ok: true }] as const;
          } catch (err) {
            return [p.name, { ok: false, message: (err as Error).message }] as const;
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      return { ok: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
    },
  };
}
