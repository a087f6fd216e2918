import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ModelError, ModelValidationError } from '../solution/errors';
import type { SolutionModel } from '../solution/types';

/** Every web resource source file and every control folder the model names must exist before we build. */
export function validateSources(model: SolutionModel, root: string, pcfDir: string): void {
  const problems: ModelError[] = [];
  for (const wr of model.webResources) {
    const rel = 'bundle' in wr.source ? wr.source.bundle : wr.source.copy;
    const file = resolve(root, rel);
    if (!existsSync(file) || !statSync(file).isFile()) {
      problems.push(new ModelError('MISSING_WEB_RESOURCE_FILE', `web resource "${wr.name}": source file ${rel} does not exist; create it or fix the path in solution/webresources.ts.`));
    }
  }
  for (const control of model.controls) {
    const manifest = join(pcfDir, control.sourceFolder, 'ControlManifest.Input.xml');
    if (!existsSync(manifest)) {
      problems.push(new ModelError('MISSING_CONTROL', `PCF control "${control.name}": ${manifest} does not exist.`));
    }
  }
  if (problems.length > 0) throw new ModelValidationError(problems);
}
