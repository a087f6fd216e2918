/** Renders the console state into the page (DOM only; decisions come from app.ts, chart.ts, errors.ts). */
import { fill } from '../shared/i18n';
import { el, svg } from '../shared/el';
import { visibleErrors, type ConsoleState } from './app';
import { chartGeometry } from './chart';
import { tablesOf, type ErrorRecord } from './errors';
import { formatDuration, type RunRecord } from './runs';
import type { ConsoleStrings } from './strings';

export interface ConsoleHandlers {
  refresh(): void;
  selectRun(runId: string | null): void;
  setFilter(patch: { table?: string; text?: string }): void;
  retry(records: readonly ErrorRecord[]): void;
  retryRun(runId: string): void;
}

export interface RenderOptions { readonly s: ConsoleStrings; readonly formatDate: (d: Date) => string }

const UPSERT_FILL = '#0f6cbd';
const ERROR_FILL = '#c50f1f';

function button(doc: Document, key: string, text: string, onClick: () => void, opts: { primary?: boolean; disabled?: boolean; label?: string } = {}): HTMLElement {
  const b = el(doc, 'button', { className: opts.primary ? 'primary' : '', attrs: { type: 'button', 'data-key': key, ...(opts.label ? { 'aria-label': opts.label } : {}) } }, [text]);
  if (opts.disabled) b.setAttribute('disabled', 'disabled');
  b.addEventListener('click', onClick);
  return b;
}

function chart(doc: Document, runs: readonly RunRecord[], s: ConsoleStrings): Element {
  const g = chartGeometry(runs);
  const { box } = g;
  const parts: Element[] = [];
  for (const t of g.ticks) {
    parts.push(svg(doc, 'line', { x1: box.left, x2: box.width - box.right, y1: t.y, y2: t.y, stroke: '#edebe9' }));
    parts.push(svg(doc, 'text', { x: box.left - 4, y: t.y + 3, 'text-anchor': 'end' }, [String(t.value)]));
  }
  for (const group of g.groups) {
    const u = group.upserts;
    const e = group.errors;
    parts.push(svg(doc, 'g', { 'data-run': group.runId }, [
      svg(doc, 'title', {}, [group.title]),
      svg(doc, 'rect', { x: u.x, y: u.y, width: u.width, height: u.height, fill: UPSERT_FILL, 'data-series': 'upserts' }),
      svg(doc, 'rect', { x: e.x, y: e.y, width: e.width, height: e.height, fill: ERROR_FILL, 'data-series': 'errors' }),
    ]));
  }
  parts.push(svg(doc, 'line', { x1: box.left, x2: box.width - box.right, y1: g.baseline, y2: g.baseline, stroke: '#8a8886' }));
  const legendY = box.height - 4;
  parts.push(svg(doc, 'rect', { x: box.left, y: legendY - 8, width: 8, height: 8, fill: UPSERT_FILL }));
  parts.push(svg(doc, 'text', { x: box.left + 12, y: legendY }, [s.legendUpserts]));
  parts.push(svg(doc, 'rect', { x: box.left + 80, y: legendY - 8, width: 8, height: 8, fill: ERROR_FILL }));
  parts.push(svg(doc, 'text', { x: box.left + 92, y: legendY }, [s.legendErrors]));
  return svg(doc, 'svg', {
    viewBox: `0 0 ${box.width} ${box.height}`, width: '100%', role: 'img', 'aria-label': fill(s.chartLabel, { count: runs.length }),
    preserveAspectRatio: 'xMinYMin meet', style: `max-width:${box.width}px`,
  }, parts);
}

function th(doc: Document, text: string): HTMLElement { return el(doc, 'th', { attrs: { scope: 'col' } }, [text]); }

function runsSection(doc: Document, state: ConsoleState, h: ConsoleHandlers, o: RenderOptions): HTMLElement {
  const { s } = o;
  if (state.runs.length === 0) return el(doc, 'section', { className: 'card', attrs: { 'aria-labelledby': 'runs-h' } }, [el(doc, 'h2', { attrs: { id: 'runs-h' } }, [s.runsTitle]), el(doc, 'p', { className: 'muted' }, [s.noRuns])]);
  const failedByRun = new Map<string, number>();
  for (const e of state.errors) failedByRun.set(e.runId, (failedByRun.get(e.runId) ?? 0) + 1);
  const rows = state.runs.map((r) => {
    const tr = el(doc, 'tr', { className: state.selectedRun === r.runId ? 'selected' : '', attrs: { 'data-run': r.runId } }, [
      el(doc, 'td', {}, [r.startedOn ? o.formatDate(r.startedOn) : '—']),
      el(doc, 'td', {}, [r.triggerLabel]),
      el(doc, 'td', {}, [el(doc, 'span', { className: `state state--${(r.state ?? 'unknown').toLowerCase()}` }, [r.stateLabel])]),
      el(doc, 'td', {}, [String(r.upserts)]),
      el(doc, 'td', {}, [String(r.skipped)]),
      el(doc, 'td', {}, [String(r.errors)]),
      el(doc, 'td', {}, [formatDuration(r.durationMs)]),
      el(doc, 'td', {}, [
        button(doc, `show:${r.runId}`, s.showErrors, () => h.selectRun(r.runId), { label: `${s.showErrors} ${r.runId}` }),
        ' ',
        failedByRun.get(r.runId) ? button(doc, `retry-run:${r.runId}`, s.retryRun, () => h.retryRun(r.runId), { disabled: state.busy, label: `${s.retryRun} ${r.runId}` }) : null,
      ]),
    ]);
    if (state.selectedRun === r.runId) tr.setAttribute('aria-selected', 'true');
    return tr;
  });
  return el(doc, 'section', { className: 'card', attrs: { 'aria-labelledby': 'runs-h' } }, [
    el(doc, 'h2', { attrs: { id: 'runs-h' } }, [s.runsTitle]),
    chart(doc, state.runs, s),
    el(doc, 'table', {}, [
      el(doc, 'thead', {}, [el(doc, 'tr', {}, [s.colStarted, s.colTrigger, s.colState, s.colUpserts, s.colSkipped, s.colErrors, s.colDuration, s.colActions].map((t) => th(doc, t)))]),
      el(doc, 'tbody', {}, rows),
    ]),
  ]);
}

function errorsSection(doc: Document, state: ConsoleState, h: ConsoleHandlers, o: RenderOptions): HTMLElement {
  const { s } = o;
  const shown = visibleErrors(state);
  const total = state.selectedRun === null ? state.errors.length : state.errors.filter((e) => e.runId === state.selectedRun).length;
  const select = el(doc, 'select', { attrs: { id: 'filter-table', 'data-key': 'filter-table' } }, [
    el(doc, 'option', { attrs: { value: '' } }, [s.allTables]),
    ...tablesOf(state.errors).map((t) => el(doc, 'option', { attrs: { value: t } }, [t])),
  ]) as HTMLSelectElement;
  select.value = state.filter.table;
  select.addEventListener('change', () => h.setFilter({ table: select.value }));
  const input = el(doc, 'input', { attrs: { id: 'filter-text', type: 'search', 'data-key': 'filter-text', autocomplete: 'off' } }) as HTMLInputElement;
  input.value = state.filter.text;
  input.addEventListener('input', () => h.setFilter({ text: input.value }));
  const title = state.selectedRun === null ? s.errorsTitle : fill(s.errorsOfRun, { run: state.selectedRun });
  const rows = shown.map((e) => el(doc, 'tr', { attrs: { 'data-record': e.recordId } }, [
    el(doc, 'td', {}, [e.table]),
    el(doc, 'td', {}, [e.name || e.recordId]),
    el(doc, 'td', { className: 'message' }, [e.message]),
    el(doc, 'td', {}, [e.runId]),
    el(doc, 'td', {}, [e.lastAttemptOn ? o.formatDate(e.lastAttemptOn) : '—']),
    el(doc, 'td', {}, [button(doc, `retry:${e.table}:${e.recordId}`, s.retry, () => h.retry([e]), { disabled: state.busy, label: `${s.retry} ${e.name || e.recordId}` })]),
  ]));
  return el(doc, 'section', { className: 'card', attrs: { 'aria-labelledby': 'errors-h' } }, [
    el(doc, 'h2', { attrs: { id: 'errors-h' } }, [title]),
    el(doc, 'div', { className: 'filters' }, [
      el(doc, 'label', { attrs: { for: 'filter-table' } }, [s.filterTable]), select,
      el(doc, 'label', { attrs: { for: 'filter-text' } }, [s.filterText]), input,
      el(doc, 'span', { className: 'muted', attrs: { 'data-key': 'shown' } }, [fill(s.shown, { shown: shown.length, total })]),
      state.selectedRun !== null ? button(doc, 'show-all', s.showAllErrors, () => h.selectRun(null)) : null,
      shown.length > 0 ? button(doc, 'retry-shown', s.retryShown, () => h.retry(shown), { disabled: state.busy }) : null,
    ]),
    shown.length === 0 ? el(doc, 'p', { className: 'muted' }, [s.noErrors]) : el(doc, 'table', {}, [
      el(doc, 'thead', {}, [el(doc, 'tr', {}, [s.colTable, s.colRecord, s.colMessage, s.colRun, s.colAttempt, s.colActions].map((t) => th(doc, t)))]),
      el(doc, 'tbody', {}, rows),
    ]),
  ]);
}

/** Re-renders the console; keeps focus (and the caret of the search box) on the same element. */
export function renderConsole(root: HTMLElement, state: ConsoleState, h: ConsoleHandlers, o: RenderOptions): void {
  const doc = root.ownerDocument;
  const active = doc.activeElement instanceof HTMLElement && root.contains(doc.activeElement) ? doc.activeElement : null;
  const focusKey = active?.getAttribute('data-key') ?? null;
  const caret = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] as const : null;
  root.setAttribute('aria-busy', String(state.phase === 'loading' || state.busy));
  const notice = el(doc, 'div', { attrs: { role: 'status', 'aria-live': 'polite', 'data-key': 'notice' } }, [state.notice?.text ?? '']);
  if (state.notice?.kind === 'error') notice.className = 'problem';
  const children: HTMLElement[] = [
    el(doc, 'div', { className: 'filters' }, [
      el(doc, 'h1', {}, [o.s.title]),
      button(doc, 'refresh', o.s.refresh, () => h.refresh(), { disabled: state.busy }),
    ]),
    notice,
  ];
  if (state.phase === 'loading') children.push(el(doc, 'p', { className: 'muted' }, [o.s.loading]));
  if (state.phase === 'failed') children.push(el(doc, 'p', { className: 'problem', attrs: { role: 'alert' } }, [state.problem ?? '']));
  if (state.phase === 'ready') {
    children.push(runsSection(doc, state, h, o));
    children.push(el(doc, 'div', { attrs: { style: 'height:16px' } }));
    children.push(errorsSection(doc, state, h, o));
  }
  root.replaceChildren(...children);
  if (focusKey) {
    const again = root.querySelector<HTMLElement>(`[data-key="${focusKey.replace(/["\\]/g, '\\$&')}"]`);
    if (again && !again.hasAttribute('disabled')) {
      again.focus();
      if (caret && again instanceof HTMLInputElement) again.setSelectionRange(caret[0], caret[1]);
    }
  }
}
