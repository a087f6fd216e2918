/** Reads `customapis/<uniquename>/customapi.xml` with its request parameters and response properties. */
import { platformErrors } from '../errors';
import type { CustomApiDef, CustomApiFieldDef } from './model';
import { attr, child, flag, int, label, parseXmlFile, text } from './xml';
import type { ZipFiles } from './zipFiles';

const ROOT = 'customapis/';

async function readFields(zip: ZipFiles, apiFolder: string, sub: string, element: string): Promise<CustomApiFieldDef[]> {
  const prefix = `${apiFolder}${sub}/`.toLowerCase();
  const files = zip.paths().filter((p) => p.toLowerCase().startsWith(prefix) && p.toLowerCase().endsWith(`/${element}.xml`));
  const fields: CustomApiFieldDef[] = [];
  for (const path of files.sort()) {
    const node = child(parseXmlFile(path, await zip.text(path)), element);
    const uniqueName = attr(node, 'uniquename');
    if (!uniqueName) throw platformErrors.unparsableXml(path, `${element} has no uniquename attribute`);
    const type = int(text(node, 'type'));
    if (type === undefined || type < 0 || type > 12) throw platformErrors.unparsableXml(path, `${element} '${uniqueName}' has no valid <type> (0-12)`);
    fields.push({
      uniqueName,
      name: text(node, 'name') ?? uniqueName,
      displayName: label(child(node, 'displayname')),
      description: label(child(node, 'description')),
      type,
      isOptional: flag(text(node, 'isoptional')),
      logicalEntityName: text(node, 'logicalentityname'),
    });
  }
  return fields;
}

export async function readCustomApis(zip: ZipFiles): Promise<CustomApiDef[]> {
  const apis: CustomApiDef[] = [];
  const files = zip.paths().filter((p) => p.toLowerCase().startsWith(ROOT) && /^customapis\/[^/]+\/customapi\.xml$/i.test(p));
  for (const path of files.sort()) {
    const node = child(parseXmlFile(path, await zip.text(path)), 'customapi');
    const uniqueName = attr(node, 'uniquename');
    if (!uniqueName) throw platformErrors.unparsableXml(path, 'customapi has no uniquename attribute');
    const folder = path.slice(0, path.length - 'customapi.xml'.length);
    apis.push({
      uniqueName,
      name: text(node, 'name') ?? uniqueName,
      displayName: label(child(node, 'displayname')),
      description: label(child(node, 'description')),
      bindingType: int(text(node, 'bindingtype')) ?? 0,
      boundEntityLogicalName: text(node, 'boundentitylogicalname'),
      isFunction: flag(text(node, 'isfunction')),
      isPrivate: flag(text(node, 'isprivate')),
      allowedCustomProcessingStepType: int(text(node, 'allowedcustomprocessingsteptype')) ?? 0,
      executePrivilegeName: text(node, 'executeprivilegename'),
      requestParameters: await readFields(zip, folder, 'customapirequestparameters', 'customapirequestparameter'),
      responseProperties: await readFields(zip, folder, 'customapiresponseproperties', 'customapiresponseproperty'),
    });
  }
  return apis;
}
