/** @jest-environment jsdom */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT_ID, hostXrm, start } from '../../webresources/admin-console';
import { SYNC_RUN_TABLE, SYNC_STATUS_TABLE } from '../../webresources/shared/names';
import { FakeWebApi } from '../harness/xrm';
import { runRow, statusRow } from '../fixtures/psa-ui-rows';

const PAGE = fs.readFileSync(path.join(__dirname, '..', '..', 'webresources', 'admin-console', 'console.html'), 'utf8');
const flush = async () => { for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 0)); };

function loadPage(api: FakeWebApi | null, languageId = 1033) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(PAGE, 'text/html').documentElement.innerHTML;
  const w = window as unknown as { Xrm?: unknown };
  w.Xrm = api ? {
    WebApi: { retrieveMultipleRecords: api.retrieveMultipleRecords, online: { execute: api.execute } },
    Utility: { getGlobalContext: () => ({ userSettings: { languageId } }) },
  } : undefined;
  const root = document.getElementById(ROOT_ID)!;
  return { root, q: (sel: string) => root.querySelector<HTMLElement>(sel), qa: (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)] };
}

function seeded() {
  return new FakeWebApi()
    .put(SYNC_RUN_TABLE,
      runRow({ runId: 'run-1', trigger: 'Schedule', state: 'Failed', startedOn: '2026-11-28T09:00:00Z', endedOn: '2026-11-28T09:01:30Z', upserts: 40, errors: 2 }),
      runRow({ runId: 'run-2', trigger: 'SyncNow', state: 'Succeeded', startedOn: '2026-11-28T10:00:00Z', endedOn: '2026-11-28T10:00:02Z', upserts: 3 }))
    .put(SYNC_STATUS_TABLE,
      statusRow({ table: 'msdyn_project', id: 'p1', state: 'Error', runId: 'run-1', message: 'Customer ACC-9 does not exist' }),
      statusRow({ table: 'salesorder', id: 's1', state: 'Error', runId: 'run-1', message: 'Payment terms 7 unmapped' }),
      statusRow({ table: 'msdyn_project', id: 'p9', state: 'Synced', runId: 'run-2' }));
}

afterEach(() => { delete (window as unknown as { Xrm?: unknown }).Xrm; });

describe('admin console page', () => {
  it('shows the run history with state, counts and duration, and an inline SVG chart', async () => {
    const { q, qa } = loadPage(seeded());
    expect(start(window)).not.toBeNull();
    await flush();
    const rows = qa('tr[data-run]');
    expect(rows.map((r) => r.dataset.run)).toEqual(['run-2', 'run-1']);
    const cells = [...rows[1].querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(1, 7)).toEqual(['Schedule', 'Failed', '40', '0', '2', '1 min 30 s']);
    const svgEl = q('svg[role="img"]')!;
    expect(svgEl.getAttribute('aria-label')).toBe('Upserts and errors of the last 2 runs, oldest first');
    expect(svgEl.querySelectorAll('g[data-run]')).toHaveLength(2);
    const firstGroup = svgEl.querySelector('g[data-run]')!;
    expect(firstGroup.getAttribute('data-run')).toBe('run-1');
    expect(Number(firstGroup.querySelector('rect[data-series="upserts"]')!.getAttribute('height'))).toBeGreaterThan(0);
    expect(Number(firstGroup.querySelector('rect[data-series="errors"]')!.getAttribute('height'))).toBeGreaterThan(0);
    expect(q('[data-key="shown"]')?.textContent).toBe('2 of 2 records');
  });

  it('filters records in error by table and text', async () => {
    const { q, qa } = loadPage(seeded());
    start(window);
    await flush();
    const select = q('#filter-table') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'msdyn_project', 'salesorder']);
    select.value = 'salesorder';
    select.dispatchEvent(new Event('change'));
    expect(qa('tr[data-record]').map((r) => r.dataset.record)).toEqual(['s1']);
    const input = q('#filter-text') as HTMLInputElement;
    input.focus();
    input.value = 'acc-9';
    input.dispatchEvent(new Event('input'));
    expect(qa('tr[data-record]')).toHaveLength(0);
    expect(document.activeElement?.id).toBe('filter-text');
    (q('#filter-table') as HTMLSelectElement).value = '';
    q('#filter-table')!.dispatchEvent(new Event('change'));
    expect(qa('tr[data-record]').map((r) => r.dataset.record)).toEqual(['p1']);
  });

  it('retries one record and all failed records of a run through psafo_SyncNow', async () => {
    const api = seeded();
    const { q } = loadPage(api);
    start(window);
    await flush();
    q('[data-key="retry:salesorder:s1"]')!.click();
    await flush();
    q('[data-key="retry-run:run-1"]')!.click();
    await flush();
    const calls = (api.executed() as { EntityLogicalName: string; RecordIds: string[]; getMetadata(): { operationName: string } }[])
      .map((c) => [c.getMetadata().operationName, c.EntityLogicalName, c.RecordIds]);
    expect(calls).toEqual([
      ['psafo_SyncNow', 'salesorder', ['s1']],
      ['psafo_SyncNow', 'msdyn_project', ['p1']],
      ['psafo_SyncNow', 'salesorder', ['s1']],
    ]);
    expect(q('[role="status"]')?.textContent).toBe('2 record(s) queued for sync.');
  });

  it('shows only the errors of a selected run', async () => {
    const { q, qa } = loadPage(seeded());
    start(window);
    await flush();
    q('[data-key="show:run-2"]')!.click();
    expect(q('#errors-h')?.textContent).toBe('Records in error of run run-2');
    expect(qa('tr[data-record]')).toHaveLength(0);
    q('[data-key="show-all"]')!.click();
    expect(qa('tr[data-record]')).toHaveLength(2);
  });

  it('explains what to do without Xrm, and uses the parent page Xrm when hosted in a frame', async () => {
    const { root } = loadPage(null);
    expect(start(window)).toBeNull();
    expect(root.getAttribute('role')).toBe('alert');
    expect(root.textContent).toMatch(/needs the Dataverse client API \(Xrm\.WebApi\)/);
    const parentXrm = { WebApi: {}, Utility: {} };
    const framed = { parent: { Xrm: parentXrm }, Xrm: undefined } as unknown as Window;
    expect(hostXrm(framed)).toBe(parentXrm);
  });

  it('speaks French', async () => {
    const { q } = loadPage(seeded(), 1036);
    start(window);
    await flush();
    expect(q('#runs-h')?.textContent).toBe('Historique des exécutions');
  });

  it('the page loads console.js by a relative URL and makes no external request', () => {
    const doc = new DOMParser().parseFromString(PAGE, 'text/html');
    const srcs = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src'));
    expect(srcs).toContain('./console.js');
    for (const src of srcs) expect(src).not.toMatch(/^(https?:)?\/\//);
    expect(doc.querySelectorAll('link[href^="http"], img[src^="http"]')).toHaveLength(0);
  });
});
