/** Reads `solution.xml` (ImportExportXml/SolutionManifest) into a SolutionManifest. */
import { platformErrors } from '../errors';
import type { SolutionManifest } from './model';
import { attr, child, children, int, text, type XmlNode } from './xml';

const VERSION = /^\d+(\.\d+){1,3}$/;
const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function localizedName(node: XmlNode): string | undefined {
  const names = children(child(node, 'LocalizedNames'), 'LocalizedName');
  const en = names.find((n) => attr(n, 'languagecode') === '1033') ?? names[0];
  return en ? attr(en, 'description') : undefined;
}

export function readManifest(doc: XmlNode): SolutionManifest {
  const root = child(doc, 'ImportExportXml');
  const m = child(root, 'SolutionManifest');
  if (Object.keys(m).length === 0) throw platformErrors.invalidManifest('the ImportExportXml/SolutionManifest element is missing');
  const uniqueName = text(m, 'UniqueName');
  if (!uniqueName || !UNIQUE_NAME.test(uniqueName)) {
    throw platformErrors.invalidManifest(`UniqueName '${uniqueName ?? ''}' is missing or not letters, digits and underscores`);
  }
  const version = text(m, 'Version');
  if (!version || !VERSION.test(version)) {
    throw platformErrors.invalidManifest(`Version '${version ?? ''}' is not major.minor[.build[.revision]]`);
  }
  const managedText = text(m, 'Managed');
  if (managedText !== '0' && managedText !== '1') {
    throw platformErrors.invalidManifest(`Managed must be 0 or 1 in a solution zip, found '${managedText ?? ''}'`);
  }
  const p = child(m, 'Publisher');
  const publisherName = text(p, 'UniqueName');
  const prefix = text(p, 'CustomizationPrefix');
  if (!publisherName || !prefix) {
    throw platformErrors.invalidManifest('the Publisher needs UniqueName and CustomizationPrefix');
  }
  const rootComponents = children(child(m, 'RootComponents'), 'RootComponent').map((rc) => ({
    type: int(attr(rc, 'type')) ?? 0,
    schemaName: attr(rc, 'schemaName'),
    id: attr(rc, 'id'),
    behavior: int(attr(rc, 'behavior')) ?? 0,
  }));
  return {
    uniqueName,
    friendlyName: localizedName(m) ?? uniqueName,
    version,
    managed: managedText === '1',
    publisher: {
      uniqueName: publisherName,
      friendlyName: localizedName(p) ?? publisherName,
      customizationPrefix: prefix,
      customizationOptionValuePrefix: int(text(p, 'CustomizationOptionValuePrefix')),
    },
    rootComponents,
  };
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
