import { SOLUTION_VERSION_PATTERN } from '../version';
import type { Problem, ZipContent } from './types';
import { at, parseXml, text, wellFormedError, xmlText } from './xml-read';

const FILE = 'solution.xml';

export interface ManifestFacts {
  readonly uniqueName?: string;
  readonly version?: string;
  readonly managed?: boolean;
}

/** solution.xml: well-formed, unique name, version major.minor.build.revision, Managed 0 or 1, publisher prefix. */
export function checkSolutionManifest(zip: ZipContent): { problems: Problem[]; facts: ManifestFacts } {
  const data = zip.files.get(FILE);
  if (!data) return { problems: [], facts: {} };
  const source = xmlText(data);
  const malformed = wellFormedError(source);
  if (malformed) return { problems: [{ file: FILE, code: 'MALFORMED_XML', message: malformed }], facts: {} };
  const problems: Problem[] = [];
  const manifest = at(parseXml(source), 'ImportExportXml', 'SolutionManifest');
  if (manifest === undefined) {
    return { problems: [{ file: FILE, code: 'BAD_SOLUTION_XML', message: 'no <ImportExportXml><SolutionManifest> element.' }], facts: {} };
  }
  const uniqueName = text(at(manifest, 'UniqueName'));
  if (!uniqueName || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(uniqueName)) {
    problems.push({ file: FILE, code: 'BAD_UNIQUE_NAME', message: `<UniqueName> "${uniqueName ?? ''}" must hold letters, digits and underscores only.` });
  }
  const version = text(at(manifest, 'Version'));
  if (!version || !SOLUTION_VERSION_PATTERN.test(version) || version.split('.').some((n) => Number(n) > 2147483647)) {
    problems.push({ file: FILE, code: 'BAD_VERSION', message: `<Version> "${version ?? ''}" is not major.minor.build.revision (four whole numbers, e.g. 1.2.3.0).` });
  }
  const managedText = text(at(manifest, 'Managed'));
  if (managedText !== '0' && managedText !== '1') {
    problems.push({ file: FILE, code: 'BAD_MANAGED_FLAG', message: `<Managed> is "${managedText ?? ''}"; a solution zip must say 1 (managed) or 0 (unmanaged).` });
  }
  const prefix = text(at(manifest, 'Publisher', 'CustomizationPrefix'));
  if (!prefix || !/^[a-z][a-z0-9]{1,7}$/i.test(prefix)) {
    problems.push({ file: FILE, code: 'BAD_PUBLISHER', message: `<Publisher><CustomizationPrefix> "${prefix ?? ''}" must be 2-8 letters or digits starting with a letter.` });
  }
  return { problems, facts: { uniqueName, version, managed: managedText === '1' ? true : managedText === '0' ? false : undefined } };
}
