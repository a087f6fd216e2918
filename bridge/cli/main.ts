import { Command } from 'commander';
import { commands } from './commands';

/** Builds the `psa-fo-sync` program from the explicit command list and runs it. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('psa-fo-sync')
    .description('Dynamics 365 Project Service Automation to Finance and Operations sync')
    .showHelpAfterError()
    .exitOverride((err) => {
      if (err.exitCode !== 0) process.exitCode = 2;
      throw err;
    });
  for (const register of commands) register(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (isCommanderExit(err)) return;
    throw err;
  }
}

function isCommanderExit(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String((err as { code: unknown }).code).startsWith('commander.');
}
