/**
 * Admin console script (web resource psafo_/admin/console.js, global PsaFoSync.AdminConsole),
 * loaded by console.html. Thin adapter: finds the host page's Xrm, wires ConsoleApp to the DOM.
 * Starts itself when the page has the #psafo-console element.
 */
import { langOf } from '../shared/i18n';
import { ConsoleApp, type ConsolePorts } from './app';
import { renderConsole } from './render';
import { CONSOLE_STRINGS } from './strings';

export const ROOT_ID = 'psafo-console';

type XrmLike = Pick<typeof Xrm, 'WebApi' | 'Utility'>;

/** Xrm of the hosting page (web resource in a form/dashboard iframe), else of this window. */
export function hostXrm(win: Window): XrmLike | null {
  const w = win as unknown as { Xrm?: XrmLike; parent?: { Xrm?: XrmLike } };
  try {
    if (w.parent && w.parent !== (win as unknown) && w.parent.Xrm?.WebApi) return w.parent.Xrm;
  } catch {
    // a cross-origin parent throws on access: use this window's Xrm
  }
  return w.Xrm?.WebApi ? w.Xrm : null;
}

export function xrmConsolePorts(xrm: XrmLike): ConsolePorts {
  return {
    retrieve: async (table, options) => (await xrm.WebApi.retrieveMultipleRecords(table, options)).entities,
    execute: async (request) => (await xrm.WebApi.online.execute(request)) as unknown as { ok?: boolean; status?: number; statusText?: string },
  };
}

/** Starts the console in `win`; returns the app (or null when the page has no console root). */
export function start(win: Window = window): ConsoleApp | null {
  const root = win.document.getElementById(ROOT_ID);
  if (!root) return null;
  const xrm = hostXrm(win);
  let lcid: number | undefined;
  try { lcid = xrm?.Utility.getGlobalContext().userSettings.languageId; } catch { lcid = undefined; }
  const lang = langOf(lcid);
  const s = CONSOLE_STRINGS[lang];
  const dateFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { dateStyle: 'short', timeStyle: 'short' });
  if (!xrm) {
    root.replaceChildren(win.document.createTextNode(s.noXrm));
    root.setAttribute('aria-busy', 'false');
    root.setAttribute('role', 'alert');
    return null;
  }
  const app: ConsoleApp = new ConsoleApp(xrmConsolePorts(xrm), s, (state) => renderConsole(root, state, {
    refresh: () => { void app.load(); },
    selectRun: (runId) => app.selectRun(runId),
    setFilter: (patch) => app.setFilter(patch),
    retry: (records) => { void app.retry(records); },
    retryRun: (runId) => { void app.retryRun(runId); },
  }, { s, formatDate: (d) => dateFormat.format(d) }));
  void app.load();
  return app;
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(window));
  else start(window);
}
