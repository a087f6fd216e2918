import { ROOT_FILES, ZIP_ITSELF, type Problem, type ZipContent } from './types';

/** The three root files must sit at the root of the zip, not in a sub-folder (the classic import failure). */
export function checkRootFiles(zip: ZipContent): Problem[] {
  const problems: Problem[] = [];
  const names = [...zip.files.keys()];
  for (const name of names) {
    if (name.includes('\\')) problems.push({ file: name, code: 'BACKSLASH_PATH', message: 'entry name uses backslashes; zip entries must use forward slashes.' });
  }
  for (const root of ROOT_FILES) {
    if (zip.files.has(root)) continue;
    const nested = names.find((n) => n.endsWith(`/${root}`));
    if (nested) {
      const folder = nested.slice(0, nested.length - root.length);
      problems.push({
        file: nested,
        code: 'WRAPPED_IN_FOLDER',
        message: `${root} is inside the sub-folder "${folder}" instead of the root; zip the folder's contents, not the folder (Dataverse rejects it: "The compressed file must contain the following files at its root").`,
      });
    } else {
      problems.push({ file: ZIP_ITSELF, code: 'MISSING_ROOT_FILE', message: `${root} is missing at the root of the zip; Dataverse rejects the import without it.` });
    }
  }
  return problems;
}

/** Top-level folders of real exports we accept without looking inside. */
export const UNCHECKED_FOLDERS = ['Workflows/', 'PluginAssemblies/', 'CanvasApps/', 'Assets/', 'Reports/', 'Templates/', 'dataflows/', 'botcomponents/', 'Formulas/'];

const KNOWN_PATTERNS = [
  /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/,
  /^environmentvariabledefinitions\/[^/]+\/environmentvariablevalues\.json$/,
  /^customapis\/[^/]+\/customapi\.xml$/,
  /^customapis\/[^/]+\/customapirequestparameters\/[^/]+\/customapirequestparameter\.xml$/,
  /^customapis\/[^/]+\/customapiresponseproperties\/[^/]+\/customapiresponseproperty\.xml$/,
];

/** Files nobody refers to: not a root file, not referenced by customizations.xml or a control manifest, not a known folder layout. */
export function checkStrayFiles(zip: ZipContent, referenced: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  // A zip wrapped in a folder is reported once per root file (WRAPPED_IN_FOLDER), not once per file.
  const wrappers = [...zip.files.keys()]
    .filter((n) => ROOT_FILES.some((r) => n.endsWith(`/${r}`) && !zip.files.has(r)))
    .map((n) => n.slice(0, n.lastIndexOf('/') + 1));
  for (const name of [...zip.files.keys()].sort()) {
    if ((ROOT_FILES as readonly string[]).includes(name) || referenced.has(name)) continue;
    if (wrappers.some((w) => name.startsWith(w))) continue;
    if (KNOWN_PATTERNS.some((p) => p.test(name)) || UNCHECKED_FOLDERS.some((f) => name.startsWith(f))) continue;
    problems.push({ file: name, code: 'STRAY_FILE', message: 'file is not referenced by customizations.xml or a control manifest and is not part of a known solution folder; remove it.' });
  }
  return problems;
}
