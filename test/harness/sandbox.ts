import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createServices, type Services } from '../../bridge/engine';
import { startSandbox, type RunningSandbox } from '../../bridge/sandbox/start-sandbox';

export interface TestSandbox {
  sandbox: RunningSandbox;
  /** Connectors with the sandbox's credentials (Dataverse through dynamics-web-api, F&O through our client). */
  services: Services;
  /** GET on the F&O emulator, cross-company, parsed. */
  finops<T = Record<string, unknown>>(path: string): Promise<T[]>;
  close(): Promise<void>;
}

/** The whole sandbox (emulators, deployed solution, bridge) on free ports in a temporary folder. */
export async function startTestSandbox(options: { seed?: string; dataDir?: string; scheduleMinutes?: number | null } = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'psafo-test-sandbox-')));
  const logger = pino({ level: process.env.PSAFO_TEST_LOG_LEVEL ?? 'silent' });
  const sandbox = await startSandbox({ dataDir, seed: options.seed ?? 'demo', ports: { bridge: 0, dataverse: 0, finops: 0, identity: 0 }, scheduleMinutes: options.scheduleMinutes, logger });
  const services = createServices(sandbox.config, logger);
  return {
    sandbox,
    services,
    async finops<T>(path: string) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await services.finops.http.send({ method: 'GET', url: `${services.finops.dataUrl}/${path}${sep}cross-company=true`, headers: services.finops.headers() });
      return (JSON.parse(res.text) as { value: T[] }).value;
    },
    async close() {
      await sandbox.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `fn` returns a value that is not undefined, or fails after `timeoutMs` with `what`. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
