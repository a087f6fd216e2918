import type { RunSummary } from './run';

/** The summary table printed after a run (plain text, fixed-width columns). */
export function summaryTable(s: RunSummary): string[] {
  const head = ['template', 'task', 'read', 'written', 'unchanged', 'skipped', 'filtered', 'errors', 'state'];
  const rows = s.tasks.map((t) => [t.template, t.task, t.read, t.upserts, t.unchanged, t.skipped, t.filtered, t.errors, t.state === 'failed' ? `FAILED: ${t.failure ?? ''}` : 'ok'].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === head.length - 1 ? 0 : r[i].length))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(head),
    ...rows.map(line),
    `run ${s.runId}${s.dryRun ? ' (dry run, nothing written)' : ''}: ${s.state}; ${s.upserts} written, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.errors} errors in ${(s.durationMs / 1000).toFixed(1)} s`,
    ...(s.writeBackProblem ? [`status write-back to Dataverse failed: ${s.writeBackProblem}`] : []),
  ];
}

/** Exit code of `run` (DESIGN §4): 0 all synced, 1 some records failed, 2 the run could not run. */
export function exitCodeOf(s: RunSummary): 0 | 1 | 2 {
  if (s.failedTasks > 0) return 2;
  return s.errors > 0 ? 1 : 0;
}
