/** The HTML the host sends: a page shell carrying the model as JSON, and plain error pages. Pure. */
import { ASSET_PREFIX } from './constants';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside a <script type="application/json"> element: `<` escaped so no `</script>` can end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const SCRIPTS = ['xrm.js', 'pcf.js', 'form.js', 'grid.js', 'main.js'];

export function hostPage(title: string, model: unknown): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${ASSET_PREFIX}/host.css"></head>
<body><div id="apphost" aria-busy="true"></div>
<script id="apphost-model" type="application/json">${scriptJson(model)}</script>
${SCRIPTS.map((s) => `<script src="${ASSET_PREFIX}/${s}"></script>`).join('\n')}
</body></html>`;
}

export function errorPage(status: number, title: string, message: string, hint: string): { status: number; headers: Record<string, string>; body: string } {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${ASSET_PREFIX}/host.css"></head>
<body><main class="apphost-error" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p class="hint">${escapeHtml(hint)}</p></main></body></html>`,
  };
}
