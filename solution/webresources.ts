import type { WebResourceDef } from './types';

/**
 * The web resources of the solution, declared once. The webpack config takes its entries from the
 * `bundle` items, customizations.xml its <WebResource> elements, and the zip its WebResources/ files.
 * Paths in `bundle`/`copy` are relative to the project root.
 */
export const FORM_LIBRARY = 'psafo_/scripts/form.js';
export const RIBBON_LIBRARY = 'psafo_/scripts/ribbon.js';
export const ADMIN_CONSOLE_PAGE = 'psafo_/admin/console.html';
export const ADMIN_CONSOLE_SCRIPT = 'psafo_/admin/console.js';
export const SYNC_NOW_IMAGE = 'psafo_/images/syncnow.svg';

/** Global namespace the bundles assign their exports to (PsaFoSync.Form.onLoad, PsaFoSync.Ribbon.*, ...). */
export const GLOBAL_NAMESPACE = 'PsaFoSync';

export const webResources: readonly WebResourceDef[] = [
  {
    name: FORM_LIBRARY,
    displayName: 'psa-fo-sync form script',
    description: 'Locks fields per psafo_FieldLockRules and shows the sync state on PSA forms (PsaFoSync.Form.onLoad).',
    kind: 'script',
    id: 'b78e45ec-bddb-450f-bb78-0f3e7d79fe7c',
    source: { bundle: 'webresources/form/index.ts', library: [GLOBAL_NAMESPACE, 'Form'] },
  },
  {
    name: RIBBON_LIBRARY,
    displayName: 'psa-fo-sync ribbon commands',
    description: '"Sync now" commands and enable rules (PsaFoSync.Ribbon.*).',
    kind: 'script',
    id: '990063d0-0ea3-41eb-968c-6f15f874a8ba',
    source: { bundle: 'webresources/ribbon/index.ts', library: [GLOBAL_NAMESPACE, 'Ribbon'] },
  },
  {
    name: ADMIN_CONSOLE_PAGE,
    displayName: 'psa-fo-sync admin console',
    description: 'Run history, errors and re-run of psa-fo-sync.',
    kind: 'html',
    id: '8fe2e4fe-1163-40b9-a014-794660d48621',
    source: { copy: 'webresources/admin-console/console.html' },
  },
  {
    name: ADMIN_CONSOLE_SCRIPT,
    displayName: 'psa-fo-sync admin console script',
    description: 'Script of the admin console page (PsaFoSync.AdminConsole).',
    kind: 'script',
    id: 'e6216949-c4d8-48ba-b02f-131cd5510810',
    source: { bundle: 'webresources/admin-console/index.ts', library: [GLOBAL_NAMESPACE, 'AdminConsole'] },
  },
  {
    name: SYNC_NOW_IMAGE,
    displayName: 'psa-fo-sync Sync now icon',
    description: 'Icon of the "Sync now" ribbon buttons.',
    kind: 'svg',
    id: 'f992be47-d88a-4216-8482-271f2cc21f36',
    source: { copy: 'webresources/images/syncnow.svg' },
  },
];

/** Path of a web resource below the build output folder: the name without the `psafo_/` root. */
export function outputPathOf(name: string): string {
  const slash = name.indexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}
