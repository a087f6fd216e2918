import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function version(program: Command): void {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  program.version(pkg.version, '-v, --version', 'print the version');
}
