/**
 * The PSA-side files as they ship: read out of a built solution zip, located the way Dataverse
 * locates them (customizations.xml <WebResource>/<CustomControl> FileName). Reading the zip (written
 * atomically by the build) instead of out/ keeps tests stable while another build runs.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

export interface ShippedSolution {
  /** Web resource name (psafo_/scripts/form.js, …) → content. */
  readonly webResources: Map<string, string>;
  /** Path inside the control folder (bundle.js, css/SyncStatus.css, …) → content. */
  readonly control: Map<string, string>;
}

export const CONTROL_NAME = 'psafo_PsaFoSync.SyncStatus';
const CONTROL_FILES = ['ControlManifest.xml', 'bundle.js', 'css/SyncStatus.css', 'strings/SyncStatus.1033.resx', 'strings/SyncStatus.1036.resx'];

export async function readShippedSolution(zipPath: string): Promise<ShippedSolution> {
  const zip = await JSZip.loadAsync(new Uint8Array(readFileSync(zipPath)));
  const entry = async (path: string): Promise<string> => {
    const file = zip.file(path.replace(/^\//, ''));
    if (!file) throw new Error(`${zipPath} has no ${path}, which customizations.xml names`);
    return file.async('string');
  };
  const parsed = new XMLParser({ isArray: (name) => name === 'WebResource' || name === 'CustomControl' }).parse(await entry('customizations.xml')) as {
    ImportExportXml: { WebResources: { WebResource: { Name: string; FileName: string }[] }; CustomControls: { CustomControl: { Name: string; FileName: string }[] } };
  };
  const webResources = new Map<string, string>();
  for (const wr of parsed.ImportExportXml.WebResources.WebResource) webResources.set(wr.Name, await entry(wr.FileName));
  const cc = parsed.ImportExportXml.CustomControls.CustomControl.find((c) => c.Name === CONTROL_NAME);
  if (!cc) throw new Error(`${zipPath} has no custom control ${CONTROL_NAME}`);
  const folder = cc.FileName.replace(/ControlManifest\.xml$/, '');
  const control = new Map<string, string>();
  for (const name of CONTROL_FILES) control.set(name, await entry(`${folder}${name}`));
  return { webResources, control };
}
