/**
 * The sandbox landing page and the read-only F&O table pages as HTML. Pure: data in, text out;
 * every value is escaped. Links point at the Dataverse emulator's app host (main.aspx).
 */
import type { LandingRecord, RunSummaryView } from '../ports';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `body{font-family:"Segoe UI",-apple-system,Roboto,sans-serif;font-size:14px;color:#323130;margin:0;padding:16px 24px;background:#faf9f8}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 8px}a{color:#0f6cbd}
.card{background:#fff;border:1px solid #edebe9;border-radius:4px;padding:8px 16px;margin-bottom:12px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #edebe9;font-size:13px}
th{color:#605e5c;font-weight:600}.muted{color:#605e5c}ul{margin:4px 0;padding-left:20px}code{font-family:Consolas,monospace}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface LandingView {
  dataverseUrl: string;
  projects: LandingRecord[];
  contracts: LandingRecord[];
  entitySets: readonly string[];
  runs: RunSummaryView[];
  /** Parts that could not be read (shown instead of failing the page). */
  problems: string[];
}

const record = (dv: string, table: string, id: string): string => `${dv}/main.aspx?pagetype=entityrecord&etn=${table}&id=${encodeURIComponent(id)}`;
const list = (dv: string, table: string): string => `${dv}/main.aspx?pagetype=entitylist&etn=${table}`;
export const CONSOLE_PATH = '/main.aspx?pagetype=webresource&webresourceName=psafo_/admin/console.html';

function links(dv: string, table: string, records: LandingRecord[]): string {
  if (records.length === 0) return '<p class="muted">None.</p>';
  return `<ul>${records.map((r) => `<li><a href="${escapeHtml(record(dv, table, r.id))}">${escapeHtml(r.name)}</a>${r.number ? ` <span class="muted">${escapeHtml(r.number)}</span>` : ''}</li>`).join('')}</ul>`;
}

function runsTable(runs: RunSummaryView[]): string {
  if (runs.length === 0) return '<p class="muted">No runs yet: press Sync now on a project, or wait for the schedule.</p>';
  const rows = runs.map((r) => `<tr><td>${escapeHtml(r.startedOn)}</td><td>${escapeHtml(r.trigger)}</td><td>${escapeHtml(r.state)}</td><td>${r.upserts}</td><td>${r.skipped}</td><td>${r.errors}</td><td><code>${escapeHtml(r.id)}</code></td></tr>`).join('');
  return `<table aria-label="Last runs"><thead><tr><th>Started</th><th>Trigger</th><th>State</th><th>Upserts</th><th>Skipped</th><th>Errors</th><th>Run</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function landingHtml(v: LandingView): string {
  const dv = v.dataverseUrl;
  return page('psa-fo-sync sandbox', `
<h1>psa-fo-sync sandbox</h1>
<p class="muted">Project Service Automation (Dataverse emulator) ↔ Finance and Operations (emulator), synced by this bridge.</p>
${v.problems.map((p) => `<p class="card" role="alert">${escapeHtml(p)}</p>`).join('')}
<div class="card"><h2>PSA (model-driven app host)</h2>
<p><a href="${escapeHtml(list(dv, 'msdyn_project'))}">Projects grid</a> · <a href="${escapeHtml(list(dv, 'salesorder'))}">Project contracts grid</a> · <a href="${escapeHtml(dv + CONSOLE_PATH)}">Admin console</a></p>
<h2>Demo projects</h2>${links(dv, 'msdyn_project', v.projects)}
<h2>Demo project contracts</h2>${links(dv, 'salesorder', v.contracts)}</div>
<div class="card"><h2>Finance and Operations entity sets (read-only)</h2>
<ul>${v.entitySets.map((s) => `<li><a href="/finops/${encodeURIComponent(s)}">${escapeHtml(s)}</a></li>`).join('')}</ul></div>
<div class="card"><h2>Last runs</h2>${runsTable(v.runs)}</div>`);
}

export function finOpsTableHtml(entitySet: string, rows: Record<string, unknown>[], top: number): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => !k.startsWith('@'))))];
  const table = rows.length === 0 ? '<p class="muted">No rows.</p>'
    : `<table aria-label="${escapeHtml(entitySet)}"><thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(typeof r[c] === 'object' && r[c] !== null ? JSON.stringify(r[c]) : r[c])}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return page(`${entitySet} - F&O`, `<p><a href="/">← sandbox</a></p><h1>${escapeHtml(entitySet)}</h1><p class="muted">First ${top} rows, all legal entities (cross-company), read by the bridge's F&O client.</p>${table}`);
}

export function notFoundHtml(message: string): string {
  return page('Not found', `<p><a href="/">← sandbox</a></p><h1>Not found</h1><p>${escapeHtml(message)}</p>`);
}
