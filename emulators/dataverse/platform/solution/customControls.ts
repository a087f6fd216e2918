/** Reads `<CustomControls>`: each control's processed ControlManifest.xml and every file of its folder. */
import { platformErrors } from '../errors';
import type { CustomControlDef } from './model';
import { attr, child, children, parseXmlFile, text, type XmlNode } from './xml';
import { normalizePath, type ZipFiles } from './zipFiles';

export async function readCustomControls(root: XmlNode, zip: ZipFiles): Promise<CustomControlDef[]> {
  const result: CustomControlDef[] = [];
  for (const c of children(child(root, 'CustomControls'), 'CustomControl')) {
    const name = text(c, 'Name');
    const fileName = text(c, 'FileName');
    if (!name) throw platformErrors.invalidArgument('A CustomControl in customizations.xml has no Name. Use <prefix>_<namespace>.<constructor>.');
    if (!fileName || !zip.has(fileName)) throw platformErrors.missingComponentFile('custom control', name, fileName ?? '(no FileName)');
    const manifestXml = await zip.text(fileName);
    const manifest = parseXmlFile(fileName, manifestXml);
    const control = child(child(manifest, 'manifest'), 'control');
    if (Object.keys(control).length === 0) {
      throw platformErrors.unparsableXml(fileName, 'the manifest has no <manifest><control> element');
    }
    const folder = normalizePath(fileName).split('/').slice(0, -1).join('/');
    const files: CustomControlDef['files'] = [];
    for (const p of zip.paths().filter((x) => x.toLowerCase().startsWith(`${folder.toLowerCase()}/`))) {
      files.push({ path: p.slice(folder.length + 1), contentBase64: await zip.base64(p) });
    }
    const code = child(child(control, 'resources'), 'code');
    const bundlePath = attr(code, 'path');
    if (bundlePath && !files.some((f) => f.path.toLowerCase() === bundlePath.toLowerCase())) {
      throw platformErrors.missingComponentFile('custom control', name, `${folder}/${bundlePath}`);
    }
    result.push({ name, manifestFileName: fileName, manifestXml, version: attr(control, 'version'), files });
  }
  return result;
}
