import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CheckInputError } from '../../solution/check/types';
import { defaultValidators, resolveSchemasDir, SCHEMAS_DIR_ENV } from '../../solution/check/xsd-validator';

/** The checker (zip and XML libraries, ~150 ms to load) is loaded when a check runs, not at every CLI start. */
const checker = (): typeof import('../../solution/check') => require('../../solution/check') as typeof import('../../solution/check');

const PROJECT_ROOT = resolve(__dirname, '..', '..');

export interface SolutionCheckOptions {
  readonly schemas?: string;
  readonly json?: boolean;
}

/** Checks one zip and writes the report; returns the exit code: 0 clean, 1 problems, 2 unusable input. */
export async function runSolutionCheck(zipPath: string, options: SolutionCheckOptions, out: (text: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    let data: Buffer;
    try {
      data = readFileSync(zipPath);
    } catch (err) {
      throw new CheckInputError('CANNOT_READ', `cannot read ${zipPath}: ${(err as Error).message}`, { cause: err });
    }
    const schemasDir = resolveSchemasDir({ option: options.schemas, env, projectRoot: PROJECT_ROOT });
    const { checkSolutionZip, groupByFile } = checker();
    const report = await checkSolutionZip(data, defaultValidators(schemasDir));
    if (options.json) {
      out(`${JSON.stringify({ zip: zipPath, ...report.facts, entries: report.entries, problems: report.problems })}\n`);
    } else {
      const what = [report.facts.uniqueName, report.facts.version, report.facts.managed === undefined ? undefined : report.facts.managed ? 'managed' : 'unmanaged'].filter(Boolean).join(' ');
      out(`${zipPath}: ${what || 'solution'}, ${report.entries} files\n`);
      for (const [file, problems] of groupByFile(report.problems)) {
        out(`${file}\n`);
        for (const p of problems) out(`  ${p.code}: ${p.message}\n`);
      }
      out(report.problems.length === 0 ? 'OK: no problems found\n' : `${report.problems.length} problem(s) found\n`);
    }
    return report.problems.length === 0 ? 0 : 1;
  } catch (err) {
    if (err instanceof CheckInputError) {
      out(options.json ? `${JSON.stringify({ zip: zipPath, error: { code: err.code, message: err.message } })}\n` : `${zipPath}: cannot check: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** `psa-fo-sync solution check <zip>`: validates a Dataverse solution zip (ours or any other). */
export function solutionCommand(program: Command): void {
  const solution = program.command('solution').description('work with Dataverse solution zips');
  solution
    .command('check <zip>')
    .description('check a solution zip: root files, referenced files, stray files, XSD validity (customizations.xml, ribbons), managed flag, version, secrets')
    .option('--schemas <dir>', `folder of Microsoft's patched solution XSDs (default $${SCHEMAS_DIR_ENV} or ${join('..', 'shared', 'schemas')} from the project root)`)
    .option('--json', 'print one JSON object instead of text')
    .action(async (zip: string, options: SolutionCheckOptions) => {
      process.exitCode = await runSolutionCheck(zip, options, (text) => process.stdout.write(text));
    });
}
