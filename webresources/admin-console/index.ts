/**
 * Admin console script (web resource psafo_/admin/console.js, global PsaFoSync.AdminConsole),
 * loaded by console.html. Starts itself when the page has the #psafo-console element.
 */
export const ROOT_ID = 'psafo-console';

export function hostXrm(win: Window): typeof Xrm | null {
  const w = win as unknown as { Xrm?: typeof Xrm; parent?: { Xrm?: typeof Xrm } };
  try {
    if (w.parent && w.parent !== (win as unknown) && w.parent.Xrm?.WebApi) return w.parent.Xrm;
  } catch {
    // cross-origin parent: fall through to the page's own Xrm
  }
  return w.Xrm?.WebApi ? w.Xrm : null;
}
