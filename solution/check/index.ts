import { checkReferences } from './references';
import { readZip } from './read-zip';
import { checkSchemas } from './schema';
import { checkSecrets } from './secrets';
import { checkSolutionManifest, type ManifestFacts } from './solution-manifest';
import { checkRootFiles, checkStrayFiles } from './structure';
import type { Problem } from './types';
import type { XsdValidator } from './xsd-validator';

export { CheckInputError, type Problem } from './types';
export { resolveSchemasDir, defaultValidators, systemXmllint, wasmXmllint, hasSystemXmllint, SCHEMAS_DIR_ENV, type XsdValidator } from './xsd-validator';

export interface CheckReport {
  readonly problems: readonly Problem[];
  readonly facts: ManifestFacts;
  readonly entries: number;
}

/** Every check on one solution zip. Throws CheckInputError when the bytes are not a usable zip or the schemas cannot be used. */
export async function checkSolutionZip(data: Buffer, validators: { customizations: XsdValidator; ribbon: XsdValidator }): Promise<CheckReport> {
  const zip = await readZip(data);
  const manifest = checkSolutionManifest(zip);
  const refs = checkReferences(zip);
  const problems: Problem[] = [
    ...checkRootFiles(zip),
    ...manifest.problems,
    ...refs.problems,
    ...checkStrayFiles(zip, refs.referenced),
    ...(await checkSchemas(zip, validators)),
    ...checkSecrets(zip),
  ];
  return { problems, facts: manifest.facts, entries: zip.files.size };
}

/** Problems grouped by file, in file order, for printing. */
export function groupByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const p of [...problems].sort((a, b) => a.file.localeCompare(b.file))) {
    const list = groups.get(p.file) ?? [];
    list.push(p);
    groups.set(p.file, list);
  }
  return groups;
}
