import type { Command } from 'commander';
import { ConfigError } from '../config';
import { runSync, type DryRunWrite } from '../engine';
import { exitCodeOf, summaryTable } from '../engine/report';
import { openSession } from '../engine/session';
import { isTemplateId, TEMPLATE_IDS } from '../templates';
import type { TemplateId } from '../templates/types';
import { progressReporter } from '../engine/progress';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** `run`: one sync run with progress and a summary table; exit 0 all synced, 1 record errors, 2 could not run. */
export function runCommand(program: Command): void {
  program
    .command('run')
    .description('run the sync templates once (change tracking; the first run reads everything)')
    .requiredOption('-c, --config <file>', 'bridge configuration JSON')
    .option('-t, --template <id>', `template to run (repeatable): ${TEMPLATE_IDS.join(', ')}`, collect, [])
    .option('--full', 'ignore saved change-tracking tokens and read everything (unchanged records are still not rewritten)')
    .option('--dry-run', 'print what would be written, field by field, without writing anything')
    .option('-v, --verbose', 'log progress as JSON lines on stderr')
    .action(async (o: { config: string; template: string[]; full?: boolean; dryRun?: boolean; verbose?: boolean }) => {
      const bad = o.template.filter((t) => !isTemplateId(t));
      if (bad.length > 0) return fail(`unknown template ${bad.join(', ')}; use one of ${TEMPLATE_IDS.join(', ')}`);
      let session;
      try {
        session = openSession(o.config, { logLevel: o.verbose ? 'info' : undefined });
      } catch (err) {
        return fail(err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message}`);
      }
      const progress = progressReporter(process.stdout);
      try {
        const summary = await runSync(
          { config: session.config, store: session.store, ports: session.services.ports, logger: session.logger },
          {
            templates: o.template as TemplateId[],
            full: o.full,
            dryRun: o.dryRun,
            onProgress: (e) => progress.update(e.task, e.tally, e.done),
            onDryRunWrite: o.dryRun ? (w) => printDryRunWrite(w) : undefined,
          },
        );
        progress.stop();
        for (const line of summaryTable(summary)) process.stdout.write(`${line}\n`);
        process.exitCode = exitCodeOf(summary);
      } catch (err) {
        progress.stop();
        fail(`the run could not run: ${(err as Error).message}`);
      } finally {
        session.close();
      }
    });
}

function printDryRunWrite(w: DryRunWrite): void {
  process.stdout.write(`${w.method} ${w.entitySet} ${JSON.stringify(w.key)}  (${w.task} ${w.sourceId})\n`);
  for (const [field, value] of Object.entries(w.payload)) process.stdout.write(`    ${field} = ${JSON.stringify(value)}\n`);
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}
