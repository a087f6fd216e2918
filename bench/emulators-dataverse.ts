import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { allowAll } from '../emulators/common/auth';
import { DataverseEmulator } from '../emulators/dataverse/server';
import { buildBatch, readBatchResponse } from '../test/harness/dataverse';
import type { BatchItem } from '../test/harness/dataverse';

/**
 * Benchmark of the Dataverse emulator (figures, not pass/fail): upserts/s by alternate key through
 * `$batch` (first pass creates, second updates) and through `UpsertMultiple`, and rows/s read through
 * `odata.maxpagesize` paging. The emulator runs in a child process (`--serve`), in memory, with
 * `allowAll` auth (one JWT check per HTTP request would not change the figures: a batch is one request).
 * Besides records/s (wall clock, sensitive to other jobs on the machine) it reports the emulator
 * process's CPU time per record in µs, which the machine's load hardly changes.
 * Run: `node bin/run-ts.js bench/emulators-dataverse.ts [records=20000] [batchSize=1000]`.
 * Writes bench/results/emulators-dataverse.json.
 */
const API = '/api/data/v9.2';

function account(prefix: string, i: number): Record<string, unknown> {
  return { name: `Bench account ${i}`, telephone1: `555-${String(i % 10000).padStart(4, '0')}`, address1_city: 'Redmond', paymenttermscode: (i % 4) + 1, creditlimit: 1000 + i, description: `Generated ${prefix} ${i}` };
}

const number = (prefix: string, i: number) => `${prefix}-${String(i).padStart(7, '0')}`;

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

async function batchUpserts(url: string, prefix: string, records: number, batchSize: number, expectStatus: number): Promise<number> {
  const { seconds } = await timed(async () => {
    for (let start = 0; start < records; start += batchSize) {
      const items: BatchItem[] = [];
      for (let i = start; i < Math.min(records, start + batchSize); i++) {
        items.push({ method: 'PATCH', url: `${API}/accounts(accountnumber='${number(prefix, i)}')`, body: account(prefix, i) });
      }
      const { body, contentType } = buildBatch(items, `batch_${start}`);
      const res = await fetch(`${url}${API}/$batch`, { method: 'POST', body, headers: { 'Content-Type': contentType } });
      const parts = readBatchResponse(res.headers.get('content-type') ?? '', await res.text());
      const bad = parts.filter((p) => p.status !== expectStatus);
      if (res.status !== 200 || parts.length !== items.length || bad.length) throw new Error(`$batch failed: ${res.status}, ${bad[0]?.body ?? ''}`);
    }
  });
  return records / seconds;
}

async function upsertMultiple(url: string, prefix: string, records: number, batchSize: number): Promise<number> {
  const { seconds } = await timed(async () => {
    for (let start = 0; start < records; start += batchSize) {
      const targets = [];
      for (let i = start; i < Math.min(records, start + batchSize); i++) {
        targets.push({ '@odata.type': 'Microsoft.Dynamics.CRM.account', '@odata.id': `accounts(accountnumber='${number(prefix, i)}')`, ...account(prefix, i) });
      }
      const res = await fetch(`${url}${API}/accounts/Microsoft.Dynamics.CRM.UpsertMultiple`, { method: 'POST', body: JSON.stringify({ Targets: targets }), headers: { 'Content-Type': 'application/json' } });
      if (res.status !== 204) throw new Error(`UpsertMultiple failed: ${res.status} ${await res.text()}`);
    }
  });
  return records / seconds;
}

async function pagedReads(url: string, pageSize: number): Promise<{ rowsPerSecond: number; rows: number; pages: number }> {
  let rows = 0;
  let pages = 0;
  const { seconds } = await timed(async () => {
    let next: string | undefined = `${url}${API}/accounts?$select=name,accountnumber,telephone1,creditlimit,paymenttermscode`;
    while (next) {
      const res: Response = await fetch(next, { headers: { Prefer: `odata.maxpagesize=${pageSize}` } });
      const body = (await res.json()) as { value: unknown[]; '@odata.nextLink'?: string };
      rows += body.value.length;
      pages += 1;
      next = body['@odata.nextLink'];
    }
  });
  return { rowsPerSecond: rows / seconds, rows, pages };
}

/** `--serve`: the emulator alone in this (child) process; prints its URL, stops on SIGTERM. */
async function serve(): Promise<void> {
  const dv = new DataverseEmulator({ auth: allowAll, limits: { requests: 1_000_000, executionMs: 1e12 } });
  const { url } = await dv.start();
  process.on('message', (m) => {
    if (m !== 'cpu') return;
    const c = process.cpuUsage();
    process.send?.({ cpuSeconds: (c.user + c.system) / 1e6 });
  });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.once('SIGTERM', () => { void dv.close().then(() => process.exit(0)); });
}

/** Starts the emulator in a child process so that client and server do not share one event loop. */
function startChild(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(__filename, ['--serve'], { execArgv: ['-r', 'tsx/cjs'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`The emulator process exited (${code}) before it was ready.`)));
  });
}

/** CPU time (user + system) the emulator process has used so far, asked over the IPC channel. */
function emulatorCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m: { cpuSeconds: number }) => resolve(m.cpuSeconds));
    child.send('cpu');
  });
}

/** Runs one phase and measures the emulator's CPU µs per record during it. */
async function withCpu<T>(child: ChildProcess, records: number, fn: () => Promise<T>): Promise<{ result: T; cpuMicros: number }> {
  const before = await emulatorCpu(child);
  const result = await fn();
  const cpuMicros = Math.round((((await emulatorCpu(child)) - before) * 1e6 * 10) / records) / 10;
  return { result, cpuMicros };
}

async function main(): Promise<void> {
  const records = Number(process.argv[2] ?? 20000);
  const batchSize = Number(process.argv[3] ?? 1000);
  const { url, child } = await startChild();
  try {
    const { result: batchCreate, cpuMicros: batchCreateCpu } = await withCpu(child, records, () => batchUpserts(url, 'BA', records, batchSize, 204));
    const { result: batchUpdate, cpuMicros: batchUpdateCpu } = await withCpu(child, records, () => batchUpserts(url, 'BA', records, batchSize, 204));
    const { result: multiCreate, cpuMicros: multiCreateCpu } = await withCpu(child, records, () => upsertMultiple(url, 'UM', records, batchSize));
    const { result: multiUpdate, cpuMicros: multiUpdateCpu } = await withCpu(child, records, () => upsertMultiple(url, 'UM', records, batchSize));
    const { result: reads, cpuMicros: readsCpu } = await withCpu(child, records * 2, () => pagedReads(url, 5000));
    const figures = {
      machine: { cpus: os.cpus().length, node: process.version, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 10) / 10) },
      note: 'Emulator in its own process (in memory, allowAll auth); the machine is shared with other jobs (see loadAverageAtEnd).',
      records, batchSize,
      batchUpsertsPerSecond: { create: Math.round(batchCreate), update: Math.round(batchUpdate) },
      upsertMultiplePerSecond: { create: Math.round(multiCreate), update: Math.round(multiUpdate) },
      pagedReads: { rowsPerSecond: Math.round(reads.rowsPerSecond), rows: reads.rows, pageSize: 5000, pages: reads.pages },
      emulatorCpuMicrosPerRecord: {
        batchUpsert: { create: batchCreateCpu, update: batchUpdateCpu },
        upsertMultiple: { create: multiCreateCpu, update: multiUpdateCpu },
        pagedRead: readsCpu,
      },
      aims: { upsertsPerSecond: 5000, readsPerSecond: 20000 },
      measuredAt: new Date().toISOString(),
    };
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'emulators-dataverse.json'), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
  }
}

(process.argv[2] === '--serve' ? serve() : main()).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
