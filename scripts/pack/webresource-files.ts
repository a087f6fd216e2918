import type { ControlDef, WebResourceDef, WebResourceKind } from '../../solution/types';

/** WebResourceType codes (solution-format §6.1). */
export const WEB_RESOURCE_TYPE: Record<WebResourceKind, number> = {
  html: 1, css: 2, script: 3, xml: 4, png: 5, jpg: 6, gif: 7, ico: 10, svg: 11, resx: 12,
};

/**
 * Zip path of a web resource, Dataverse's export convention: the name without `.` and `/`
 * followed by the id in upper case (e.g. WebResources/psafo_scriptsformjsB78E45EC-...).
 */
export function webResourceZipPath(wr: WebResourceDef): string {
  return `WebResources/${wr.name.replace(/[./]/g, '')}${wr.id.toUpperCase()}`;
}

/** Folder of a PCF control in the zip: Controls/<prefix>_<namespace>.<constructor>/. */
export function controlZipFolder(control: ControlDef): string {
  return `Controls/${control.name}`;
}
