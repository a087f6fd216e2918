/** Reads `<WebResources>` of customizations.xml and loads each FileName from the zip. */
import { platformErrors } from '../errors';
import type { WebResourceDef } from './model';
import { child, children, int, text, type XmlNode } from './xml';
import type { ZipFiles } from './zipFiles';

export async function readWebResources(root: XmlNode, zip: ZipFiles): Promise<WebResourceDef[]> {
  const result: WebResourceDef[] = [];
  for (const w of children(child(root, 'WebResources'), 'WebResource')) {
    const name = text(w, 'Name');
    const fileName = text(w, 'FileName');
    if (!name) throw platformErrors.invalidArgument('A WebResource in customizations.xml has no Name. Give every web resource a unique Name.');
    if (!fileName) throw platformErrors.missingComponentFile('web resource', name, '(no FileName)');
    if (!zip.has(fileName)) throw platformErrors.missingComponentFile('web resource', name, fileName);
    result.push({
      id: text(w, 'WebResourceId')?.replace(/[{}]/g, '').toLowerCase(),
      name,
      displayName: text(w, 'DisplayName'),
      description: text(w, 'Description'),
      webResourceType: int(text(w, 'WebResourceType')) ?? 3,
      languageCode: int(text(w, 'LanguageCode')),
      fileName,
      contentBase64: await zip.base64(fileName),
    });
  }
  return result;
}
