/**
 * The browser tests see what the imported zip holds, not the build folder: the same page checks
 * against the built managed zip and against copies without the ribbon, the control or the form
 * script (each imported with ImportSolution into fresh emulators) pass only for the complete one.
 * Also the app host's error pages: a solution never imported (409), an unknown table or id (404).
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { startEmulators, type RunningEmulators } from '../../emulators';
import { CATEGORY } from '../../emulators/seed/demo/reference';
import { PROJECT } from '../../emulators/seed/demo/projects';
import { ensureBuilt } from '../harness/build-once';
import { solutionWithout, type SolutionPart } from '../harness/browser-sandbox';
import { launchChromium } from '../harness/chromium';

let browser: Browser;
let managedZip: Buffer;

beforeAll(async () => {
  managedZip = await readFile((await ensureBuilt()).managedZip);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => browser?.close());

async function importSolution(em: RunningEmulators, zip: Buffer): Promise<void> {
  const token = await em.identity.mintToken({ audience: em.urls.dataverse });
  const res = await fetch(`${em.urls.dataverse}/api/data/v9.2/ImportSolution`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ CustomizationFile: zip.toString('base64'), OverwriteUnmanagedCustomizations: true, PublishWorkflows: true, ImportJobId: crypto.randomUUID() }),
  });
  if (res.status !== 204 && res.status !== 200) throw new Error(`ImportSolution answered ${res.status}: ${await res.text()}`);
}

interface Seen { syncNowOnForm: boolean; syncNowOnGrid: boolean; control: boolean; nameLockedByFormScript: boolean; hostErrors: string[] }

/** What a user sees of the solution's parts in the app host. */
async function look(dataverse: string): Promise<Seen> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${dataverse}/main.aspx?pagetype=entityrecord&etn=msdyn_project&id=${PROJECT.p1}`);
    await page.locator('#apphost[data-loaded="true"]').waitFor();
    const syncNowOnForm = await page.locator('.apphost-commandbar button', { hasText: 'Sync now' }).count() === 1;
    const control = await page.locator('.apphost-pcf .psafo-sync__badge').count() === 1;
    const hostErrors = await page.locator('.apphost-hosterror').allInnerTexts();
    await page.goto(`${dataverse}/main.aspx?pagetype=entitylist&etn=msdyn_project`);
    await page.locator('#apphost[data-loaded="true"]').waitFor();
    const syncNowOnGrid = await page.locator('.apphost-commandbar button', { hasText: 'Sync now' }).count() === 1;
    // The transaction category name is locked ("mastered") on every existing record by the form script alone.
    await page.goto(`${dataverse}/main.aspx?pagetype=entityrecord&etn=msdyn_transactioncategory&id=${CATEGORY.hours}`);
    await page.locator('#apphost[data-loaded="true"]').waitFor();
    const nameLockedByFormScript = await page.locator('#field-msdyn_name').isDisabled();
    hostErrors.push(...await page.locator('.apphost-hosterror').allInnerTexts());
    expect(errors).toEqual([]);
    return { syncNowOnForm, syncNowOnGrid, control, nameLockedByFormScript, hostErrors };
  } finally {
    await page.close();
  }
}

async function withEmulators<T>(fn: (em: RunningEmulators) => Promise<T>): Promise<T> {
  const em = await startEmulators({ seed: 'demo', ports: { dataverse: 0, finops: 0, identity: 0 } });
  try {
    return await fn(em);
  } finally {
    await em.close();
  }
}

describe('app host: what the imported solution holds', () => {
  it('error pages: a solution never imported (409), then an unknown table and an unknown id (404), not stack traces', async () => {
    await withEmulators(async (em) => {
      const dv = em.urls.dataverse;
      const before = await fetch(`${dv}/main.aspx?pagetype=entityrecord&etn=msdyn_project&id=${PROJECT.p1}`);
      expect(before.status).toBe(409);
      expect(before.headers.get('content-type')).toMatch(/text\/html/);
      expect(await before.text()).toMatch(/PsaFoSync has never been imported.*deploy/s);
      await importSolution(em, managedZip);
      const table = await fetch(`${dv}/main.aspx?pagetype=entityrecord&etn=msdyn_nosuchtable&id=${PROJECT.p1}`);
      expect([table.status, await table.text()]).toEqual([404, expect.stringContaining('There is no table with the logical name &quot;msdyn_nosuchtable&quot;')]);
      const id = await fetch(`${dv}/main.aspx?pagetype=entityrecord&etn=msdyn_project&id=00000000-0000-4000-8000-000000000000`);
      expect([id.status, await id.text()]).toEqual([404, expect.stringContaining('does not exist')]);
      const page = await browser.newPage();
      await page.goto(`${dv}/main.aspx?pagetype=entityrecord&etn=msdyn_project&id=not-a-guid`);
      expect(await page.locator('h1').innerText()).toBe('Record not found');
      await page.close();
    });
  }, 120_000);

  it('the complete zip: Sync now on form and grid, the control, the form script lock', async () => {
    const seen = await withEmulators(async (em) => { await importSolution(em, managedZip); return look(em.urls.dataverse); });
    expect(seen).toEqual({ syncNowOnForm: true, syncNowOnGrid: true, control: true, nameLockedByFormScript: true, hostErrors: [] });
  }, 120_000);

  const missing: Array<[SolutionPart, Partial<Seen>, RegExp | null]> = [
    ['ribbon', { syncNowOnForm: false, syncNowOnGrid: false, control: true, nameLockedByFormScript: true }, null],
    ['control', { syncNowOnForm: true, syncNowOnGrid: true, control: false, nameLockedByFormScript: true }, /control psafo_PsaFoSync\.SyncStatus is not in this environment/],
    ['form script', { syncNowOnForm: true, syncNowOnGrid: true, control: true, nameLockedByFormScript: false }, /web resource psafo_\/scripts\/form\.js does not exist/],
  ];
  it.each(missing)('a zip without the %s: the page checks fail for that part only', async (part, expected, hostError) => {
    const zip = await solutionWithout(managedZip, part);
    const seen = await withEmulators(async (em) => { await importSolution(em, zip); return look(em.urls.dataverse); });
    expect(seen).toMatchObject(expected);
    if (hostError) expect(seen.hostErrors.join('\n')).toMatch(hostError);
    else expect(seen.hostErrors).toEqual([]);
  }, 120_000);
});
