import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The benchmarks in bench/, in the order `bench` runs them; each writes bench/results/<name>.json. */
export const BENCHMARKS = [
  { name: 'bundle-sizes', file: 'bench/bundle-sizes.ts', what: 'sizes of the built PCF and web resource bundles' },
  { name: 'emulators-dataverse', file: 'bench/emulators-dataverse.ts', what: 'Dataverse emulator upserts/s and reads/s' },
  { name: 'emulators-finops', file: 'bench/emulators-finops.ts', what: 'F&O emulator creates/s and reads/s' },
  { name: 'sync-initial', file: 'bench/sync-initial.ts', what: 'initial and incremental sync: requests per 1,000 records, records/s, peak RSS, against per-record and batch-10 patterns' },
  { name: 'bridge-syncnow', file: 'bench/bridge-syncnow.ts', what: 'Sync-now latency p50/p95 and webhook intake/s' },
] as const;

const ROOT = join(__dirname, '..', '..');

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), file], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** `bench [name...]`: runs the benchmarks (figures printed and written as JSON; nothing is pass/fail). */
export function benchCommand(program: Command): void {
  program
    .command('bench')
    .description(`run the benchmarks (${BENCHMARKS.map((b) => b.name).join(', ')}); figures go to bench/results/*.json`)
    .argument('[names...]', 'only these benchmarks')
    .action(async (names: string[]) => {
      const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
      if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`);
      const chosen = BENCHMARKS.filter((b) => names.length === 0 || names.includes(b.name));
      let failed = 0;
      for (const b of chosen) {
        process.stdout.write(`\n== ${b.name}: ${b.what}\n`);
        if ((await runOne(b.file)) !== 0) failed++;
      }
      if (failed > 0) process.exitCode = 1;
    });
}
