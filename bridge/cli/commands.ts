import type { Command } from 'commander';
import { version } from './version';
import { solutionCommand } from './solution-check';
import { emulate } from './emulate';
import { deployCommand } from './deploy';

/** A CLI command registers itself on the program; the list below is explicit (STYLE.md §3). */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  version,
  solutionCommand,
  emulate,
  deployCommand,
];
