/**
 * The sandbox in headless Chromium, the way a user clicks through it: the solution's own ribbon
 * command, form script and SyncStatus control as ImportSolution stored them, hosted by the Dataverse
 * emulator's app host, over the real bridge and F&O emulator. One sandbox for the whole file; the
 * bridge runs with a payment-terms map that lacks 3 (Net 45) so that contract C3 fails.
 * Screenshots of every step: test-artifacts/sandbox-sync/. PSAFO_UPDATE_DOCS=1 also rewrites
 * docs/images/project-form.png.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CONTRACT, ORDER_NUMBER } from '../../emulators/seed/demo/sales';
import { PROJECT, PROJECT_NUMBER } from '../../emulators/seed/demo/projects';
import { startBrowserSandbox, type BrowserSandbox } from '../harness/browser-sandbox';
import { eventually } from '../harness/sandbox';

const PAYMENT_TERMS_WITHOUT_NET45 = { '1': 'Net30', '2': '2%10Net30', '4': 'Net60' };
const NET_60 = '4';
const CONSOLE = '/main.aspx?pagetype=webresource&webresourceName=psafo_/admin/console.html';

let b: BrowserSandbox;

beforeAll(async () => {
  b = await startBrowserSandbox({ artifacts: 'sandbox-sync', valueMaps: { paymentTerms: PAYMENT_TERMS_WITHOUT_NET45 } });
}, 600_000);
afterAll(async () => b?.close(), 60_000);
afterEach(() => {
  expect(b?.pageErrors).toEqual([]);
  expect(b?.foreignRequests).toEqual([]);
});

const control = (page: Page) => page.locator('.apphost-pcf');
const badge = (page: Page) => control(page).locator('.psafo-sync__badge');

/** Presses the control's own Refresh until its badge says `state` (the control polls only while Queued). */
async function waitForState(page: Page, state: string, timeoutMs = 90_000): Promise<void> {
  await eventually(`the control to say ${state}`, async () => {
    if ((await badge(page).textContent())?.trim() === state) return true;
    const refresh = control(page).locator('button[data-action="refresh"]');
    if (await refresh.isEnabled()) await refresh.click();
    return undefined;
  }, timeoutMs, 1000).catch(async (err: Error) => {
    throw new Error(`${err.message}; the control shows: ${await control(page).innerText()}`);
  });
}

async function pressSyncNow(page: Page): Promise<string> {
  const button = page.locator('.apphost-commandbar button', { hasText: 'Sync now' });
  await expect(button.isEnabled()).resolves.toBe(true);
  await button.click();
  const dialog = page.locator('.apphost-dialog');
  await dialog.waitFor();
  const text = await dialog.innerText();
  await dialog.locator('[data-dialog-button="ok"]').click();
  return text;
}

describe('the sandbox in Chromium', () => {
  it('project: Not synced yet → Sync now → Synced with the F&O project id; reopened, the locked fields are disabled with the notification', async () => {
    const page = await b.form('msdyn_project', PROJECT.p1);
    await badge(page).filter({ hasText: 'Not synced yet' }).waitFor();
    expect(await control(page).locator('[role="status"]').textContent()).toBe('Sync status: Not synced yet');
    await b.screenshot(page, '1-project-not-synced');
    expect(await pressSyncNow(page)).toContain('1 record(s) queued');
    await waitForState(page, 'Synced');
    expect(await control(page).innerText()).toContain(PROJECT_NUMBER.p1);
    await b.screenshot(page, '2-project-synced');

    await page.reload();
    await page.locator('#apphost[data-loaded="true"]').waitFor();
    await badge(page).filter({ hasText: 'Synced' }).waitFor();
    const locks = page.locator('[data-notification-id="psafo_locks"]');
    await locks.waitFor();
    expect(await locks.innerText()).toMatch(/Locked by the Finance and Operations integration: .*Project Number/);
    for (const column of ['msdynce_projectnumber', 'msdyn_salesorderid', 'msdyn_contractorganizationalunitid', 'msdyn_customer']) {
      await expect(page.locator(`#field-${column}`).isDisabled()).resolves.toBe(true);
    }
    await expect(page.locator('#field-msdyn_description').isDisabled()).resolves.toBe(false);
    await expect(page.locator('#field-msdyn_subject').isDisabled()).resolves.toBe(false);
    await b.screenshot(page, '3-project-locked');
    if (process.env.PSAFO_UPDATE_DOCS === '1') {
      const file = resolve(__dirname, '..', '..', 'docs', 'images', 'project-form.png');
      await page.setViewportSize({ width: 1100, height: 800 });
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeLessThan(200 * 1024);
    }
    await page.close();
  }, 180_000);

  it('contract with an unmapped payment term: the error on the control and in the admin console; fixed on the form, retried, synced', async () => {
    const page = await b.form('salesorder', CONTRACT.c3);
    await pressSyncNow(page);
    await waitForState(page, 'Error');
    expect(await control(page).innerText()).toContain('value 3 of paymenttermscode has no entry in value map paymentTerms');
    await b.screenshot(page, '4-contract-error');

    const console = await b.open(CONSOLE);
    const frame = console.frameLocator('iframe.apphost-webresource');
    const row = frame.locator('tr[data-record]', { hasText: 'paymenttermscode' });
    await row.waitFor();
    await b.screenshot(console, '5-console-error');

    // Fix it on the form: Net 60 is mapped.
    await page.locator('#field-paymenttermscode').selectOption(NET_60);
    await page.locator('.apphost-commandbar button[data-command="save"]').click();
    await eventually('the form to be saved', async () => (await page.evaluate(() => (window as unknown as { Xrm: { Page: { data: { getIsDirty(): boolean } } } }).Xrm.Page.data.getIsDirty())) ? undefined : true);

    await frame.locator(`button[data-key="retry:salesorder:${CONTRACT.c3}"]`).click();
    await frame.locator('[role="status"]', { hasText: 'queued for sync' }).waitFor();
    await waitForState(page, 'Synced');
    expect(await control(page).innerText()).toContain(ORDER_NUMBER.c3);
    await b.screenshot(page, '6-contract-synced');
    await console.close();
    await page.close();
  }, 240_000);

  it('a form with unsaved changes: Sync now asks first, "Save and sync" saves through the Web API and queues the record', async () => {
    const page = await b.form('msdyn_project', PROJECT.p3);
    const description = `Edited in the browser ${Date.now()}`;
    await page.locator('#field-msdyn_description').fill(description);
    await page.locator('#field-msdyn_description').dispatchEvent('change');
    await page.locator('.apphost-commandbar button', { hasText: 'Sync now' }).click();
    const confirm = page.locator('.apphost-dialog--confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('unsaved changes');
    await b.screenshot(page, '4a-dirty-confirm');
    await confirm.locator('[data-dialog-button="confirm"]').click();
    const alert = page.locator('.apphost-dialog--alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('1 record(s) queued');
    await alert.locator('[data-dialog-button="ok"]').click();
    const saved = await b.sb.services.dataverse.api.retrieve({ collection: 'msdyn_projects', key: PROJECT.p3, select: ['msdyn_description'] });
    expect(saved?.msdyn_description).toBe(description);
    await page.close();
  }, 120_000);

  it('grid: select two projects and sync both', async () => {
    const page = await b.open('/main.aspx?pagetype=entitylist&etn=msdyn_project');
    await page.locator('#apphost[data-loaded="true"]').waitFor();
    const button = page.locator('.apphost-commandbar button', { hasText: 'Sync now' });
    await expect(button.isDisabled()).resolves.toBe(true);
    await page.locator(`input[data-select="${PROJECT.p2}"]`).check();
    await page.locator(`input[data-select="${PROJECT.p5}"]`).check();
    await expect(button.isEnabled()).resolves.toBe(true);
    await b.screenshot(page, '7-grid-selected');
    expect(await pressSyncNow(page)).toContain('2 record(s) queued');
    for (const [id, number] of [[PROJECT.p2, PROJECT_NUMBER.p2], [PROJECT.p5, PROJECT_NUMBER.p5]]) {
      const form = await b.form('msdyn_project', id);
      await waitForState(form, 'Synced');
      expect(await control(form).innerText()).toContain(number);
      await form.close();
    }
    await page.close();
  }, 240_000);

  it('landing page at the bridge root: demo records open in the app host, F&O entity sets as tables, the last runs', async () => {
    const page = await b.open(`${b.bridge}/`);
    await expect(page.locator('h1').innerText()).resolves.toBe('psa-fo-sync sandbox');
    const runs = page.locator('table[aria-label="Last runs"] tbody tr');
    expect(await runs.count()).toBeGreaterThanOrEqual(3);
    expect(await runs.first().innerText()).toMatch(/SyncNow|Manual|Live/);
    await b.screenshot(page, '8-landing');
    await page.locator('a', { hasText: 'ProjCDSProjects' }).click();
    await page.locator(`td`, { hasText: PROJECT_NUMBER.p1 }).first().waitFor();
    await page.goBack();
    await page.locator('a', { hasText: 'Adventure Works ERP rollout' }).first().click();
    await page.locator('#apphost[data-loaded="true"]').waitFor();
    expect(page.url()).toContain(`pagetype=entityrecord&etn=msdyn_project&id=${PROJECT.p1}`);
    await badge(page).filter({ hasText: 'Synced' }).waitFor();
    await page.goto(`${b.bridge}/`);
    await page.locator('a', { hasText: 'Admin console' }).click();
    await page.frameLocator('iframe.apphost-webresource').locator('tr[data-run]').first().waitFor();
    const unknown = await page.goto(`${b.bridge}/finops/Secrets`);
    expect(unknown?.status()).toBe(404);
    await page.close();
  }, 120_000);
});
