import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { landingPort } from './landing-port';
import { createServices, type RunSummary, type Services } from '../engine';
import { createBearerCheck, type BearerCheck } from '../http/bearer';
import { createBridgeHttp } from '../http/server';
import { Store } from '../store';
import { adminPorts } from './admin-ports';
import { Executor } from './executor';
import { readiness } from './readiness';
import { engineRunner, tasksByEntity } from './runner';
import { serviceSettings } from './settings';

const PROBE_TIMEOUT_MS = 2500;

export interface BridgeServiceOptions {
  config: Config;
  logger: Logger;
  /** Connectors (tests may pass their own); built from the configuration otherwise. */
  services?: Services;
  /** Overrides the configured port (0 picks a free one). */
  port?: number;
  onRun?: (summary: RunSummary) => void;
  /** Start the queue worker and the schedule at once (default); the sandbox starts them after deploying. */
  startWorker?: boolean;
}

export interface RunningBridge {
  url: string;
  store: Store;
  executor: Executor;
  /** Starts the queue worker and the schedule (idempotent). */
  startWorker(): void;
  close(): Promise<void>;
}

/** Starts the bridge: state store, queue worker and schedule, HTTP service. */
export async function startBridgeService(options: BridgeServiceOptions): Promise<RunningBridge> {
  const { config, logger } = options;
  const settings = serviceSettings(config);
  const webhookKey = config.secrets.webhookKey;
  if (!webhookKey) throw new Error(`The webhook key is missing: set ${config.bridge.webhookKeyEnv} to a long random string (the same value deploy registers)`);
  const store = Store.open(config.store.path);
  const recovered = store.queue.recoverClaims();
  if (recovered > 0) logger.warn({ recovered }, 'queued records claimed by a process that stopped are queued again');
  const services = options.services ?? createServices(config, logger);
  const executor = new Executor({
    queue: store.queue,
    runner: engineRunner({ config, store, ports: services.ports, logger, onRun: options.onRun }),
    logger: logger.child({ component: 'executor' }),
    scheduleMs: config.sync.scheduleMinutes === null ? null : config.sync.scheduleMinutes * 60_000,
    batchSize: settings.queueBatchSize,
  });
  const app = createBridgeHttp({
    logger: logger.child({ component: 'http' }),
    queue: {
      async enqueue(items) {
        const result = store.queue.enqueue(items);
        executor.wake();
        return result;
      },
    },
    admin: adminPorts(store, () => executor.wake()),
    readiness: readiness([
      { name: 'store', check: async () => { if (!store.isOpen()) throw new Error('the state store is closed'); } },
      // one attempt each, no retry loop left behind when the probe times out
      { name: 'dataverse', check: async () => { await services.dataverse.http.sendOnce({ method: 'GET', url: `${services.dataverse.apiUrl}/WhoAmI`, headers: { Accept: 'application/json' } }, PROBE_TIMEOUT_MS); } },
      { name: 'finops', check: async () => { await services.finops.http.sendOnce({ method: 'GET', url: `${services.finops.dataUrl}/`, headers: services.finops.headers() }, PROBE_TIMEOUT_MS); } },
    ], PROBE_TIMEOUT_MS + 500),
    webhookKey,
    bearer: adminBearer(config),
    syncable: new Set(tasksByEntity(config).keys()),
    bodyLimitBytes: settings.bodyLimitBytes,
    rateLimit: settings.rateLimit,
    // The landing page (no auth) only for a sandbox configuration, whose services are loopback emulators.
    landing: config.sandbox ? landingPort(config, services) : undefined,
  });
  await app.listen({ host: settings.host, port: options.port ?? settings.port });
  const address = app.server.address() as AddressInfo;
  const url = `http://${settings.host}:${address.port}`;
  if (options.startWorker !== false) executor.start();
  logger.info({ url }, 'bridge listening');
  return {
    url,
    store,
    executor,
    startWorker: () => executor.start(),
    async close() {
      await app.close();
      await executor.stop();
      store.close();
    },
  };
}

function adminBearer(config: Config): BearerCheck {
  const api = config.bridge.adminApi;
  if (!api) return async () => ({ ok: false, reason: 'The admin API is not configured (bridge.adminApi: issuer, audience, jwksUrl)' });
  const caFile = config.dataverse.auth.caFile;
  const caPem = caFile ? readFileSync(isAbsolute(caFile) ? caFile : resolve(config.baseDir, caFile), 'utf8') : undefined;
  return createBearerCheck({ jwksUrl: api.jwksUrl, issuer: api.issuer, audience: api.audience, caPem });
}
