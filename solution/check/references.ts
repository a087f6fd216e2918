import type { Problem, ZipContent } from './types';
import { asArray, at, parseXml, text, wellFormedError, xmlText } from './xml-read';

const FILE = 'customizations.xml';

/** Files pcf-scripts writes next to the manifest that the manifest itself does not list. */
const CONTROL_EXTRAS = ['bundle.js.LICENSE.txt'];

function zipPath(fileName: string): string {
  return fileName.replace(/^\/+/, '');
}

/**
 * Every web resource FileName and every control manifest named in customizations.xml must be in the
 * zip, and so must every resource (code, css, resx, img, html) a control manifest lists.
 * Returns the set of referenced entries for the stray-file check.
 */
export function checkReferences(zip: ZipContent): { problems: Problem[]; referenced: Set<string> } {
  const problems: Problem[] = [];
  const referenced = new Set<string>();
  const data = zip.files.get(FILE);
  if (!data) return { problems, referenced };
  const source = xmlText(data);
  const malformed = wellFormedError(source);
  if (malformed) return { problems: [{ file: FILE, code: 'MALFORMED_XML', message: malformed }], referenced };
  const root = at(parseXml(source), 'ImportExportXml');
  if (root === undefined) return { problems: [{ file: FILE, code: 'BAD_CUSTOMIZATIONS_XML', message: 'no <ImportExportXml> root element.' }], referenced };

  for (const wr of asArray(at(root, 'WebResources', 'WebResource'))) {
    const name = text(at(wr, 'Name')) ?? '(no name)';
    const fileName = text(at(wr, 'FileName'));
    if (!fileName) {
      problems.push({ file: FILE, code: 'NO_FILE_NAME', message: `web resource "${name}" has no <FileName>.` });
      continue;
    }
    referenced.add(zipPath(fileName));
    if (!zip.files.has(zipPath(fileName))) {
      problems.push({ file: FILE, code: 'MISSING_WEB_RESOURCE_FILE', message: `web resource "${name}": ${fileName} is not in the zip.` });
    }
  }

  for (const control of asArray(at(root, 'CustomControls', 'CustomControl'))) {
    const name = text(at(control, 'Name')) ?? '(no name)';
    const fileName = text(at(control, 'FileName'));
    if (!fileName) continue;
    const manifestPath = zipPath(fileName);
    referenced.add(manifestPath);
    const manifestData = zip.files.get(manifestPath);
    if (!manifestData) {
      problems.push({ file: FILE, code: 'MISSING_CONTROL_FILE', message: `control "${name}": ${fileName} is not in the zip.` });
      continue;
    }
    const folder = manifestPath.slice(0, manifestPath.lastIndexOf('/') + 1);
    for (const extra of CONTROL_EXTRAS) if (zip.files.has(folder + extra)) referenced.add(folder + extra);
    const manifestSource = xmlText(manifestData);
    const malformed2 = wellFormedError(manifestSource);
    if (malformed2) {
      problems.push({ file: manifestPath, code: 'MALFORMED_XML', message: malformed2 });
      continue;
    }
    const resources = at(parseXml(manifestSource), 'manifest', 'control', 'resources');
    const code = asArray(at(resources, 'code'));
    if (code.length === 0) problems.push({ file: manifestPath, code: 'NO_CONTROL_CODE', message: `control "${name}": the manifest lists no <code> resource.` });
    for (const kind of ['code', 'css', 'resx', 'img', 'html']) {
      for (const res of asArray(at(resources, kind))) {
        const path = text(at(res, '@path'));
        if (!path) continue;
        if (kind === 'code' && path.endsWith('.ts')) {
          problems.push({ file: manifestPath, code: 'UNBUILT_MANIFEST', message: `control "${name}": <code path="${path}"> points at TypeScript; ship the manifest pcf-scripts writes (bundle.js), not ControlManifest.Input.xml.` });
          continue;
        }
        const entry = folder + path;
        referenced.add(entry);
        if (!zip.files.has(entry)) problems.push({ file: manifestPath, code: 'MISSING_CONTROL_FILE', message: `control "${name}": ${kind} resource ${path} is not in the zip (expected ${entry}).` });
      }
    }
  }
  return { problems, referenced };
}
