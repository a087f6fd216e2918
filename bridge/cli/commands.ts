import type { Command } from 'commander';
import { version } from './version';
import { solutionCommand } from './solution-check';
import { emulate } from './emulate';
import { deployCommand } from './deploy';
import { serveCommand } from './serve';
import { sandboxCommand } from './sandbox';
import { benchCommand } from './bench';
import { runCommand } from './run';
import { runsCommand } from './runs';
import { statusCommand } from './status';
import { doctorCommand } from './doctor';

/** A CLI command registers itself on the program; the list below is explicit (STYLE.md §3). */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  version,
  solutionCommand,
  emulate,
  deployCommand,
  serveCommand,
  sandboxCommand,
  benchCommand,
  runCommand,
  runsCommand,
  statusCommand,
  doctorCommand,
];
