/**
 * Opens a solution zip as the service does: the three root files must be there, every XML must
 * parse, every file customizations.xml names must exist. Returns the package as plain data.
 */
import { SOLUTION_ROOT_FILES } from '../constants';
import { platformErrors } from '../errors';
import { readCustomApis } from './customApis';
import { readCustomControls } from './customControls';
import { readRibbons, readTables } from './entities';
import { readEnvironmentVariables } from './environmentVariables';
import { readManifest } from './manifest';
import type { SolutionPackage } from './model';
import { readWebResources } from './webResources';
import { child, parseXmlFile } from './xml';
import { openZip } from './zipFiles';

export async function readSolutionPackage(data: Buffer): Promise<SolutionPackage> {
  const zip = await openZip(data);
  const missing = SOLUTION_ROOT_FILES.filter((f) => !zip.has(f));
  if (missing.length > 0) throw platformErrors.invalidSolutionFile();
  const contentTypes = await zip.text('[Content_Types].xml');
  parseXmlFile('[Content_Types].xml', contentTypes);
  const manifest = readManifest(parseXmlFile('solution.xml', await zip.text('solution.xml')));
  const customizationsXml = await zip.text('customizations.xml');
  const customizations = child(parseXmlFile('customizations.xml', customizationsXml), 'ImportExportXml');
  if (Object.keys(customizations).length === 0) {
    throw platformErrors.unparsableXml('customizations.xml', 'the root element must be ImportExportXml');
  }
  return {
    manifest,
    tables: readTables(customizations),
    ribbons: readRibbons(customizationsXml),
    webResources: await readWebResources(customizations, zip),
    customControls: await readCustomControls(customizations, zip),
    environmentVariables: await readEnvironmentVariables(zip),
    customApis: await readCustomApis(zip),
  };
}
