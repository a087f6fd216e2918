/**
 * The PSA-side UI in a real browser (headless Chromium): the bundles of the built zip are served from a
 * local server laid out like Dataverse (/WebResources/<name>), the admin console runs in an
 * iframe of a host page that provides Xrm (as a model-driven app does), and the SyncStatus control
 * is registered and initialised like the PCF runtime does. Xrm.WebApi / context.webAPI calls
 * cross into the test process, where the same FakeWebApi as in the unit tests answers them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SYNC_RUN_TABLE, SYNC_STATUS_TABLE } from '../../webresources/shared/names';
import { ensureBuilt } from '../harness/build-once';
import { launchChromium } from '../harness/chromium';
import { readShippedSolution } from '../harness/shipped-solution';
import { loadResx } from '../harness/pcf-context';
import { FakeWebApi } from '../harness/xrm';
import { PROJECT_ID, runRow, statusRow } from '../fixtures/psa-ui-rows';

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };

/** Xrm / PCF plumbing of the host pages: every Web API call goes to the test process. */
const HOST_SCRIPT = `
  window.__dialogs = [];
  const webApi = {
    retrieveMultipleRecords: (table, options, max) => window.__psafoRetrieve(table, options ?? null, max ?? null),
    online: {
      execute: async (request) => {
        const md = request.getMetadata();
        const params = {};
        for (const name of Object.keys(md.parameterTypes)) params[name] = request[name];
        return window.__psafoExecute(md.operationName, params);
      },
    },
  };
  window.Xrm = {
    WebApi: webApi,
    Utility: { getGlobalContext: () => ({ userSettings: { languageId: 1033 } }), showProgressIndicator() {}, closeProgressIndicator() {} },
    Navigation: { openAlertDialog: async (o) => { window.__dialogs.push(o); } },
  };`;

const MAIN_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>host</title><script>${HOST_SCRIPT}</script></head>
<body><iframe id="wr" title="admin console" src="/WebResources/psafo_/admin/console.html" style="width:1000px;height:900px;border:0"></iframe></body></html>`;

function pcfPage(strings: Record<string, string>): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>pcf</title>
<link rel="stylesheet" href="/Controls/psafo_PsaFoSync.SyncStatus/css/SyncStatus.css">
<script>${HOST_SCRIPT}
  window.__registered = {};
  window.ComponentFramework = { registerControl: (name, ctor) => { window.__registered[name] = ctor; } };
  const strings = ${JSON.stringify(strings)};
  window.__context = (width) => ({
    parameters: { value: { raw: null, formatted: '' } },
    mode: { allocatedWidth: width, allocatedHeight: -1, isControlDisabled: true, isVisible: true, label: 'Sync status',
      contextInfo: { entityTypeName: 'msdyn_project', entityId: '{${PROJECT_ID.toUpperCase()}}' },
      trackContainerResize() {}, setControlState() { return true; }, setFullScreen() {} },
    resources: { getString: (k) => strings[k] ?? k, getResource() {} },
    formatting: { formatDateShort: (d) => d.toISOString().slice(0, 16).replace('T', ' ') },
    utils: { getEntityMetadata: async () => ({ Attributes: { get: () => undefined } }) },
    webAPI: { retrieveMultipleRecords: window.Xrm.WebApi.retrieveMultipleRecords },
  });
</script>
<script src="/Controls/psafo_PsaFoSync.SyncStatus/bundle.js"></script></head>
<body><div id="field" style="width:600px"></div></body></html>`;
}

let server: Server;
let base: string;
let browser: Browser;
const requests: string[] = [];
const pageErrors: string[] = [];

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const shipped = await readShippedSolution((await ensureBuilt()).managedZip);
  const files = new Map<string, string>([
    ['/WebResources/psafo_/admin/console.html', shipped.webResources.get('psafo_/admin/console.html')!],
    ['/WebResources/psafo_/admin/console.js', shipped.webResources.get('psafo_/admin/console.js')!],
    ['/Controls/psafo_PsaFoSync.SyncStatus/bundle.js', shipped.control.get('bundle.js')!],
    ['/Controls/psafo_PsaFoSync.SyncStatus/css/SyncStatus.css', shipped.control.get('css/SyncStatus.css')!],
  ]);
  const pages = new Map<string, string>([
    ['/main.aspx', MAIN_PAGE],
    ['/pcf.html', pcfPage(Object.fromEntries(loadResx(1033)))],
    // Dataverse serves this next to the web resources; it gives GetGlobalContext() to pages.
    ['/WebResources/ClientGlobalContext.js.aspx', 'window.GetGlobalContext = () => parent.Xrm.Utility.getGlobalContext();'],
  ]);
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = files.get(path) ?? pages.get(path);
    if (body === undefined) { res.writeHead(404).end(); return; }
    const ext = path === '/main.aspx' ? 'html' : path.endsWith('.aspx') ? 'js' : path.split('.').pop() ?? '';
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function openPage(api: FakeWebApi, path: string): Promise<{ page: Page; executed: { name: string; params: Record<string, unknown> }[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const executed: { name: string; params: Record<string, unknown> }[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.exposeFunction('__psafoRetrieve', (table: string, options: string | null, max: number | null) =>
    api.retrieveMultipleRecords(table, options ?? undefined, max ?? undefined));
  await page.exposeFunction('__psafoExecute', async (name: string, params: Record<string, unknown>) => {
    executed.push({ name, params });
    return { ok: true, status: 204, statusText: 'No Content' };
  });
  await page.goto(`${base}${path}`);
  return { page, executed };
}

describe('PSA UI in Chromium', () => {
  it('admin console in an iframe uses the host page Xrm, renders the chart, filters and retries from the keyboard', async () => {
    const api = new FakeWebApi()
      .put(SYNC_RUN_TABLE,
        runRow({ runId: 'run-1', state: 'Failed', startedOn: '2026-11-28T09:00:00Z', endedOn: '2026-11-28T09:02:00Z', upserts: 80, errors: 2 }),
        runRow({ runId: 'run-2', state: 'Succeeded', startedOn: '2026-11-28T10:00:00Z', endedOn: '2026-11-28T10:00:05Z', upserts: 20 }))
      .put(SYNC_STATUS_TABLE,
        statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Error', runId: 'run-1', message: 'Customer ACC-9 does not exist' }),
        statusRow({ table: 'salesorder', id: 'aaaaaaaa-0000-4000-8000-000000000001', state: 'Error', runId: 'run-1', message: 'Payment terms 7 unmapped' }));
    const { page, executed } = await openPage(api, '/main.aspx');
    const frame = page.frameLocator('#wr');
    await frame.locator('tr[data-run="run-1"]').waitFor();
    expect(await frame.locator('tr[data-run]').count()).toBe(2);
    const bar = frame.locator('g[data-run="run-1"] rect[data-series="upserts"]');
    const box = await bar.boundingBox();
    expect(box && box.height).toBeGreaterThan(20);

    const search = frame.locator('#filter-text');
    await search.click();
    await page.keyboard.type('payment');
    await expect(frame.locator('tr[data-record]').count()).resolves.toBe(1);
    expect(await search.inputValue()).toBe('payment');
    await page.keyboard.press('Tab'); // "Retry shown records"
    await page.keyboard.press('Tab'); // the row's Retry button
    const focused = await frame.locator(':focus').getAttribute('data-key');
    expect(focused).toBe('retry:salesorder:aaaaaaaa-0000-4000-8000-000000000001');
    await page.keyboard.press('Enter');
    await frame.locator('[role="status"]', { hasText: '1 record(s) queued for sync.' }).waitFor();
    expect(executed).toEqual([{ name: 'psafo_SyncNow', params: { EntityLogicalName: 'salesorder', RecordIds: ['aaaaaaaa-0000-4000-8000-000000000001'] } }]);
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('SyncStatus control: registered by the bundle, compact layout when narrow, keyboard-operable details', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({
      table: 'msdyn_project', id: PROJECT_ID, state: 'Error', lastSyncedOn: '2026-11-27T08:00:00Z', finOpsKey: 'PRJ-01049-CCNID0', legalEntity: 'USMF',
      message: 'Customer ACC-9 does not exist.', details: { errorDetail: 'POST ProjCDSProjects → 400', children: { actuals: { synced: 10, errors: 1 } } },
    }));
    const { page } = await openPage(api, '/pcf.html');
    await page.evaluate(() => {
      const w = window as unknown as { __registered: Record<string, new () => { init(...a: unknown[]): void; updateView(c: unknown): void }>; __context(width: number): unknown; __control: unknown };
      const control = new w.__registered['PsaFoSync.SyncStatus']();
      w.__control = control;
      control.init(w.__context(600), () => undefined, {}, document.getElementById('field'));
    });
    await page.locator('.psafo-sync__badge', { hasText: 'Error' }).waitFor();
    const columns = () => page.locator('.psafo-sync__facts').evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
    expect(await columns()).toBe(2);
    expect(await page.locator('.psafo-sync__badge').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(253, 231, 233)');

    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('data-action')).toBe('refresh');
    await page.keyboard.press('Enter');
    await until(() => api.retrieves(SYNC_STATUS_TABLE).length === 2);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('data-action')).toBe('toggle-details');
    expect(await page.locator('.psafo-sync__details').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await page.locator('.psafo-sync__details').waitFor({ state: 'visible' });
    expect(await page.locator(':focus').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[role="status"]').textContent()).toBe('Sync status: Error');

    await page.evaluate(() => {
      const w = window as unknown as { __control: { updateView(c: unknown): void }; __context(width: number): unknown };
      document.getElementById('field')!.style.width = '240px';
      w.__control.updateView(w.__context(240));
    });
    expect(await columns()).toBe(1);
    expect(await page.locator('.psafo-sync__summary').isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
