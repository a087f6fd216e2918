/** The files a stored PCF ControlManifest.xml names (code, css, resx), as web resource URLs of the import. Pure. */
import { XMLParser } from 'fast-xml-parser';
import { controlFile } from './constants';

export interface ControlFiles { name: string; version: string; bundle: string; css: string[]; resx: Record<string, string> }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'css' || n === 'resx' || n === 'code' });

export function controlFiles(name: string, manifestXml: string): ControlFiles {
  const control = (parser.parse(manifestXml) as { manifest?: { control?: Record<string, unknown> } }).manifest?.control ?? {};
  const resources = (control.resources ?? {}) as Record<string, Array<Record<string, string>>>;
  const url = (path: string): string => `/WebResources/${controlFile(name, path)}`;
  const resx: Record<string, string> = {};
  for (const r of resources.resx ?? []) {
    const lcid = /\.(\d+)\.resx$/i.exec(r['@path'] ?? '')?.[1];
    if (lcid) resx[lcid] = url(r['@path']);
  }
  const code = (resources.code ?? [])[0]?.['@path'];
  return {
    name, version: String(control['@version'] ?? ''),
    // The packed manifest names the bundle (pcf-scripts writes bundle.js); fall back to it.
    bundle: url(code && code.endsWith('.js') ? code : 'bundle.js'),
    css: (resources.css ?? []).map((c) => url(c['@path'])),
    resx,
  };
}
