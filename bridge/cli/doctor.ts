import type { Command } from 'commander';
import { ConfigError } from '../config';
import { runDoctor } from '../engine/run-doctor';
import { openSession } from '../engine/session';

/** `doctor`: configuration, connectivity, mapped fields and entity sets against both $metadata; one line per problem. */
export function doctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check the configuration, connectivity and every mapped field and entity set against both $metadata')
    .requiredOption('-c, --config <file>', 'bridge configuration JSON')
    .action(async (o: { config: string }) => {
      let session;
      try {
        session = openSession(o.config);
      } catch (err) {
        process.stdout.write(`✗ ${err instanceof ConfigError ? err.message : (err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      try {
        const report = await runDoctor(session.config, session.services);
        for (const line of report.ok) process.stdout.write(`✓ ${line}\n`);
        for (const p of report.problems) process.stdout.write(`✗ ${p.where}: ${p.message}\n`);
        process.stdout.write(report.problems.length === 0 ? 'no problems found\n' : `${report.problems.length} problem(s)\n`);
        process.exitCode = report.unreachable ? 2 : report.problems.length > 0 ? 1 : 0;
      } finally {
        session.close();
      }
    });
}
