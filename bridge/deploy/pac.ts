import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { DeployError, type DeployChange } from './port';

/** The `pac` executable on PATH, if there is one. */
export function findPac(pathVariable = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['pac.exe', 'pac.cmd'] : ['pac'];
  for (const dir of pathVariable.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Imports the zip with `pac solution import` (pac uses its own authentication profile). */
export async function importWithPac(pac: string, environmentUrl: string, zipPath: string): Promise<DeployChange> {
  try {
    const { stdout } = await promisify(execFile)(pac, ['solution', 'import', '--path', zipPath, '--environment', environmentUrl, '--publish-changes'], { timeout: 30 * 60_000 });
    return { kind: 'solution', action: 'import', detail: `pac: ${stdout.trim().split('\n').pop() ?? 'imported'}` };
  } catch (err) {
    throw new DeployError('PacImportFailed', `pac solution import failed: ${(err as Error).message}. Check \`pac auth list\` or run with --pac never to import through the Web API.`, { cause: err });
  }
}
