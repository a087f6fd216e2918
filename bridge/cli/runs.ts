import type { Command } from 'commander';
import { withStore } from './with-store';

/** `runs`: the run history from the state store (45 days), or one run's tasks and failed records. */
export function runsCommand(program: Command): void {
  program
    .command('runs [runId]')
    .description('list recent runs, or show one run with its tasks and record errors')
    .requiredOption('-c, --config <file>', 'bridge configuration JSON')
    .option('-n, --limit <n>', 'how many runs', '20')
    .option('--json', 'print JSON')
    .action((runId: string | undefined, o: { config: string; limit: string; json?: boolean }) => {
      withStore(o.config, (store) => {
        const out = (s: string): boolean => process.stdout.write(`${s}\n`);
        if (runId) {
          const run = store.runs.get(runId);
          if (!run) {
            process.stderr.write(`no run ${runId} in the store (runs are kept 45 days)\n`);
            process.exitCode = 1;
            return;
          }
          const detail = { ...run, tasks: store.runs.tasks(runId), errors: store.runs.results(runId, 'error'), skipped: store.runs.results(runId, 'skipped') };
          if (o.json) return void out(JSON.stringify(detail, null, 2));
          out(`${run.id}  ${run.trigger}  ${run.state}  ${run.startedAt} → ${run.endedAt ?? '…'}`);
          for (const t of detail.tasks) out(`  ${t.task.padEnd(24)} read ${t.read}  written ${t.upserts}  unchanged ${t.unchanged}  skipped ${t.skipped}  errors ${t.errors}  ${t.state}`);
          for (const e of [...detail.errors, ...detail.skipped]) out(`  ${e.outcome.toUpperCase()} ${e.entity} ${e.sourceId}: ${e.message ?? ''}`);
          return;
        }
        const runs = store.runs.list(Number(o.limit) || 20);
        if (o.json) return void out(JSON.stringify(runs, null, 2));
        if (runs.length === 0) out('no runs yet');
        for (const r of runs) out(`${r.id}  ${r.trigger.padEnd(8)} ${r.state.padEnd(9)} ${r.startedAt}  written ${r.upserts}  skipped ${r.skipped}  errors ${r.errors}`);
      });
    });
}
