import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createServices } from '../bridge/engine';
import { createBridgeHttp } from '../bridge/http/server';
import { startSandbox } from '../bridge/sandbox/start-sandbox';
import { Store } from '../bridge/store';
import { SYNC_STATE } from '../solution/tables/syncstatus';

/**
 * Benchmark of the bridge service (figures, not pass/fail):
 * 1. Sync-now latency: from the psafo_SyncNow Custom API call on the Dataverse emulator to the
 *    record's psafo_syncstatus row saying Synced with a new run id, for a project with 20 tasks
 *    (seed large:0.01), with `latencyMs` injected on every emulator request. p50 / p95 / max.
 * 2. Webhook intake: deliveries accepted durably (202 after the SQLite commit) per second, over
 *    real HTTP with `concurrency` requests in flight; no worker drains the queue meanwhile.
 * Run: `node bin/run-ts.js bench/bridge-syncnow.ts [iterations=20] [latencyMs=20] [deliveries=5000] [concurrency=16] [parts=syncnow,intake]`.
 * Writes bench/results/bridge.json.
 */
const silent = pino({ level: 'silent' });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function syncNowLatency(iterations: number, latencyMs: number) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'psafo-bench-bridge-'));
  const sandbox = await startSandbox({ dataDir, seed: 'large:0.01', ports: { bridge: 0, dataverse: 0, finops: 0, identity: 0 }, latencyMs, scheduleMinutes: null, logger: silent });
  try {
    const api = createServices(sandbox.config, silent).dataverse.api;
    const [project] = (await api.retrieveMultiple({ collection: 'msdyn_projects', select: ['msdyn_projectid', 'msdyn_subject'], top: 1 })).value as { msdyn_projectid: string; msdyn_subject: string }[];
    const tasks = (await api.retrieveMultiple({ collection: 'msdyn_projecttasks', filter: `_msdyn_project_value eq ${project.msdyn_projectid}`, select: ['msdyn_projecttaskid'] })).value.length;
    const statusRow = async () => (await api.retrieveMultiple({
      collection: 'psafo_syncstatuses',
      filter: `psafo_entitylogicalname eq 'msdyn_project' and psafo_recordid eq '${project.msdyn_projectid}'`,
      select: ['psafo_state', 'psafo_runid'],
    })).value[0] as { psafo_state: number; psafo_runid: string } | undefined;
    const syncOnce = async () => {
      const before = (await statusRow())?.psafo_runid;
      const started = performance.now();
      await api.callAction({ actionName: 'psafo_SyncNow', action: { EntityLogicalName: 'msdyn_project', RecordIds: [project.msdyn_projectid] } });
      for (;;) {
        const row = await statusRow();
        if (row && row.psafo_state === SYNC_STATE.Synced && row.psafo_runid !== before) return performance.now() - started;
        if (performance.now() - started > 120_000) throw new Error('Sync now did not finish within 120 s');
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const initialMs = await syncOnce(); // the first run is the full initial sync
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      await api.update({ collection: 'msdyn_projects', key: project.msdyn_projectid, data: { msdyn_subject: `${project.msdyn_subject} #${i}` } });
      samples.push(await syncOnce());
    }
    samples.sort((a, b) => a - b);
    return { projectTasks: tasks, latencyMsPerRequest: latencyMs, initialSyncMs: Math.round(initialMs), iterations, p50Ms: Math.round(percentile(samples, 50)), p95Ms: Math.round(percentile(samples, 95)), maxMs: Math.round(samples[samples.length - 1]) };
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function webhookIntake(deliveries: number, concurrency: number) {
  const dir = mkdtempSync(join(os.tmpdir(), 'psafo-bench-intake-'));
  const store = Store.open(join(dir, 'state.db'));
  const app = createBridgeHttp({
    logger: silent,
    queue: { enqueue: async (items) => store.queue.enqueue(items) },
    admin: { status: async () => undefined, listRuns: async () => [], getRun: async () => undefined, retryFailed: async () => undefined },
    readiness: { check: async () => ({ ok: true, checks: {} }) },
    webhookKey: 'bench-key',
    bearer: async () => ({ ok: false, reason: 'bench' }),
    syncable: new Set(['msdyn_project']),
    rateLimit: { ratePerSecond: 1e9, burst: 1e9 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/dataverse/webhook`;
  const guid = (n: number) => `0000${n.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < deliveries) {
      const n = next++;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-psafo-key': 'bench-key' },
        body: JSON.stringify({ MessageName: 'Update', PrimaryEntityName: 'msdyn_project', PrimaryEntityId: guid(n), RequestId: guid(n + 1_000_000), Depth: 1, InputParameters: [] }),
      });
      await res.arrayBuffer();
      if (res.status === 202) accepted++;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const depth = store.queue.depth();
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { deliveries, concurrency, accepted, queuedDurably: depth, seconds: Number(seconds.toFixed(2)), acceptedPerSecond: Math.round(accepted / seconds) };
}

export async function main(argv: string[]): Promise<void> {
  const [iterations = 20, latencyMs = 20, deliveries = 5000, concurrency = 16] = argv.slice(0, 4).map(Number);
  const parts = (argv[4] ?? 'syncnow,intake').split(',');
  const figures = {
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version },
    syncNow: parts.includes('syncnow') ? await syncNowLatency(iterations, latencyMs) : undefined,
    webhookIntake: parts.includes('intake') ? await webhookIntake(deliveries, concurrency) : undefined,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bridge.json'), `${JSON.stringify(figures, null, 2)}\n`);
}
