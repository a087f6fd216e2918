import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildBatch, parseBatchResponse, startFinOps, type BatchOp } from '../test/harness/finops';

/**
 * Benchmark of the F&O emulator (figures, not pass/fail): creates/s and updates/s through `$batch`
 * (one changeset per record, as the bridge writes) and rows/s read through server-driven paging.
 * Run: `node bin/run-ts.js bench/emulators-finops.ts [records=20000] [batchSize=1000] [concurrency=2]`.
 * Writes bench/results/emulators-finops.json.
 */
const PROJECT = 'PRJ-BENCH-000001';
const TASK = 'f0000000-0000-4000-8000-000000000001';

function actual(i: number): Record<string, unknown> {
  return {
    ActualId: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, ProjectId: PROJECT, TaskId: TASK, AccountingDate: '2026-03-02T00:00:00Z',
    TransactionClassification: 192350000, TransType: i % 2 === 0 ? 'Cost' : 'Sales', BillingType: 'Chargeable', Quantity: 8, Amount: 800 + i,
    TransactionCurrencyId: 'USD', Description: `Bench actual ${i}`,
  };
}

type Call = (path: string, init: { method: string; body: string; headers: Record<string, string> }) => Promise<Response>;

/**
 * Sends prebuilt `$batch` bodies (built before the clock starts, so the figure is the emulator's) with
 * `concurrency` in flight; checks every part's status from the embedded status lines.
 */
async function runBatches(call: Call, root: string, ops: BatchOp[], batchSize: number, concurrency: number, expectStatus: number): Promise<{ seconds: number; cpuSeconds: number }> {
  const batches: Array<{ body: string; contentType: string; size: number }> = [];
  for (let i = 0; i < ops.length; i += batchSize) {
    const mine = ops.slice(i, i + batchSize);
    batches.push({ ...buildBatch(root, mine.map((o) => [o])), size: mine.length });
  }
  let next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const res = await call('/data/$batch', { method: 'POST', body: batch.body, headers: { 'Content-Type': batch.contentType } });
      const text = await res.text();
      const statuses = [...text.matchAll(/\r\nHTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
      if (res.status !== 200 || statuses.length !== batch.size || statuses.some((st) => st !== expectStatus)) {
        const bad = parseBatchResponse(text).find((p) => p.status !== expectStatus);
        throw new Error(`Batch failed: HTTP ${res.status}, ${statuses.length} parts, first failure ${JSON.stringify(bad?.body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: cpuSince(cpu) };
}

/** CPU time (user + system) of this process since `start`: the emulator and the bench client share it. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

export async function main(args: string[]): Promise<number> {
  const records = Number(args[0] ?? 20_000);
  const batchSize = Number(args[1] ?? 1_000);
  const concurrency = Number(args[2] ?? 2);
  const fo = await startFinOps();
  try {
    const root = `${fo.url}/data`;
    for (const [path, body] of [
      ['/data/CustomersV3', { CustomerAccount: 'BENCH', OrganizationName: 'Bench', CustomerGroupId: '10' }],
      ['/data/ProjCDSProjectContracts', { ProjectContractID: 'ORD-BENCH', CustomerAccount: 'BENCH', CurrencyCode: 'USD' }],
      ['/data/ProjCDSProjects', { ProjectID: PROJECT, ProjectName: 'Bench', ProjectContractID: 'ORD-BENCH' }],
      ['/data/ProjCDSTasks', { Task: TASK, ProjectId: PROJECT, Name: 'Bench task' }],
    ] as const) {
      const res = await fo.call(path, { body });
      if (res.status !== 201) throw new Error(`Setup ${path} failed: ${res.status} ${await res.text()}`);
    }
    const creates = Array.from({ length: records }, (_, i): BatchOp => ({ method: 'POST', path: 'ProjCDSActualsImports', body: actual(i) }));
    const created = await runBatches(fo.call, root, creates, batchSize, concurrency, 201);
    const updates = Array.from({ length: records }, (_, i): BatchOp => ({
      method: 'PATCH', path: `ProjCDSActualsImports(dataAreaId='usmf',ActualId='${String(actual(i).ActualId)}')`, body: { Description: `Updated ${i}`, Amount: 900 + i },
    }));
    const updated = await runBatches(fo.call, root, updates, batchSize, concurrency, 204);
    let rows = 0;
    let pages = 0;
    const readCpu = process.cpuUsage();
    const readStart = process.hrtime.bigint();
    let next: string | undefined = '/data/ProjCDSActualsImports';
    while (next) {
      const res = await fo.call(next);
      const page = (await res.json()) as { value: unknown[]; '@odata.nextLink'?: string };
      rows += page.value.length;
      pages++;
      next = page['@odata.nextLink']?.slice(fo.url.length);
    }
    const readSeconds = Number(process.hrtime.bigint() - readStart) / 1e9;
    const readCpuSeconds = cpuSince(readCpu);
    if (rows !== records) throw new Error(`Paging returned ${rows} rows, expected ${records}`);
    const result = {
      emulator: 'finops',
      date: new Date().toISOString(),
      machine: { node: process.version, platform: process.platform, arch: process.arch },
      records, batchSize, concurrency,
      loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
      createsPerSecond: Math.round(records / created.seconds),
      updatesPerSecond: Math.round(records / updated.seconds),
      readsPerSecond: Math.round(rows / readSeconds),
      perCpuSecond: { creates: Math.round(records / created.cpuSeconds), updates: Math.round(records / updated.cpuSeconds), reads: Math.round(rows / readCpuSeconds) },
      pages,
      seconds: { creates: +created.seconds.toFixed(3), updates: +updated.seconds.toFixed(3), reads: +readSeconds.toFixed(3) },
    };
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'emulators-finops.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `F&O emulator: ${result.createsPerSecond} creates/s and ${result.updatesPerSecond} updates/s through $batch (${records} records, ${batchSize}/batch, ${concurrency} in flight); ${result.readsPerSecond} rows/s read through paging (${pages} pages)\n` +
        `per CPU-second of this process (emulator + bench client): ${result.perCpuSecond.creates} creates, ${result.perCpuSecond.updates} updates, ${result.perCpuSecond.reads} rows read; load average ${result.loadAverage.join(' ')}\n`,
    );
    return 0;
  } finally {
    await fo.close();
  }
}
