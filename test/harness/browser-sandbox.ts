/**
 * The sandbox in a real browser: one test sandbox (emulators, deployed solution, bridge; no
 * schedule) and one headless Chromium, with helpers to open app host pages, collect page errors
 * and save screenshots under the git-ignored test-artifacts/ folder.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pino from 'pino';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { create } from 'xmlbuilder2';
import { parseConfig } from '../../bridge/config';
import { startBridgeService, type RunningBridge } from '../../bridge/service/service';
import { launchChromium } from './chromium';
import { startTestSandbox, type TestSandbox } from './sandbox';
import { CONTROL_NAME } from './shipped-solution';

export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');

export interface BrowserSandbox {
  sb: TestSandbox;
  dataverse: string;
  bridge: string;
  browser: Browser;
  context: BrowserContext;
  /** Uncaught page errors seen so far (every test expects none). */
  pageErrors: string[];
  /** Requests that left the sandbox's origins (expected: none). */
  foreignRequests: string[];
  open(path: string): Promise<Page>;
  form(table: string, id: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface BrowserSandboxOptions {
  /** Folder under test-artifacts/ for this file's screenshots. */
  artifacts: string;
  /** Value maps the bridge runs with (the sandbox writes none): restarts the bridge on its port with them. */
  valueMaps?: Record<string, Record<string, string>>;
}

/** Replaces the sandbox's bridge with one on the same port whose configuration adds `valueMaps` (the webhook still reaches it). */
async function restartBridgeWith(sb: TestSandbox, valueMaps: Record<string, Record<string, string>>): Promise<RunningBridge> {
  const raw = JSON.parse(await readFile(sb.sandbox.configPath, 'utf8')) as { templates: Record<string, unknown> };
  raw.templates = { ...raw.templates, valueMaps };
  const config = parseConfig(raw, sb.sandbox.configPath, {});
  await sb.sandbox.bridge.close();
  const port = Number(new URL(sb.sandbox.urls.bridge).port);
  return startBridgeService({ config, logger: pino({ level: 'silent' }), port });
}

export async function startBrowserSandbox(options: BrowserSandboxOptions): Promise<BrowserSandbox> {
  const sb = await startTestSandbox({ scheduleMinutes: null });
  let replaced: RunningBridge | undefined;
  try {
    if (options.valueMaps) replaced = await restartBridgeWith(sb, options.valueMaps);
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const dir = join(ARTIFACTS, options.artifacts);
    mkdirSync(dir, { recursive: true });
    const dataverse = sb.sandbox.urls.dataverse;
    const bridge = sb.sandbox.urls.bridge;
    const pageErrors: string[] = [];
    const foreignRequests: string[] = [];
    context.on('page', (page) => {
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      page.on('request', (r) => { if (!r.url().startsWith(dataverse) && !r.url().startsWith(bridge) && !r.url().startsWith('data:')) foreignRequests.push(r.url()); });
    });
    const open = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(path.startsWith('http') ? path : `${dataverse}${path}`);
      return page;
    };
    return {
      sb, dataverse, bridge, browser, context, pageErrors, foreignRequests, open,
      async form(table, id) {
        const page = await open(`/main.aspx?pagetype=entityrecord&etn=${table}&id=${id}`);
        await page.locator('#apphost[data-loaded="true"]').waitFor();
        return page;
      },
      async screenshot(page, name) {
        const file = join(dir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async close() {
        await browser.close().catch(() => undefined);
        // The replacement bridge holds the store: close it before the sandbox (whose own bridge is already closed).
        await replaced?.close().catch(() => undefined);
        await sb.close();
      },
    };
  } catch (err) {
    await replaced?.close().catch(() => undefined);
    await sb.close().catch(() => undefined);
    throw err;
  }
}

export type SolutionPart = 'ribbon' | 'control' | 'form script';

/**
 * The built solution zip without one of its parts, edited through the XML DOM (xmlbuilder2):
 * `ribbon` drops every CustomAction of the entity ribbons, `control` the SyncStatus custom control
 * (its files and root component), `form script` the web resource psafo_/scripts/form.js.
 */
export async function solutionWithout(zipBytes: Buffer, part: SolutionPart): Promise<Buffer> {
  const zip = await JSZip.loadAsync(new Uint8Array(zipBytes));
  const edit = async (path: string, change: (doc: Document) => void): Promise<void> => {
    const doc = create(await zip.file(path)!.async('string'));
    change(doc.node as unknown as Document);
    zip.file(path, doc.end({ prettyPrint: false }));
  };
  const removeAll = (doc: Document, tag: string, keep: (e: Element) => boolean = () => false): number => {
    const found = [...Array.from(doc.getElementsByTagName(tag))].filter((e) => !keep(e));
    for (const e of found) e.parentNode?.removeChild(e);
    return found.length;
  };
  const removeRoot = (doc: Document, schemaName: string) => removeAll(doc, 'RootComponent', (e) => e.getAttribute('schemaName') !== schemaName);
  if (part === 'ribbon') {
    await edit('customizations.xml', (doc) => { if (removeAll(doc, 'CustomAction') === 0) throw new Error('the solution has no CustomAction to remove'); });
  } else if (part === 'control') {
    await edit('customizations.xml', (doc) => { if (removeAll(doc, 'CustomControl') === 0) throw new Error('the solution has no CustomControl to remove'); });
    await edit('solution.xml', (doc) => removeRoot(doc, CONTROL_NAME));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith(`Controls/${CONTROL_NAME}/`))) zip.remove(name);
  } else {
    let file = '';
    await edit('customizations.xml', (doc) => {
      const mine = Array.from(doc.getElementsByTagName('WebResource')).filter((e) => e.getElementsByTagName('Name')[0]?.textContent === FORM_SCRIPT);
      if (mine.length !== 1) throw new Error(`expected one web resource ${FORM_SCRIPT}, found ${mine.length}`);
      file = mine[0].getElementsByTagName('FileName')[0]?.textContent ?? '';
      mine[0].parentNode?.removeChild(mine[0]);
    });
    zip.remove(file.replace(/^\//, ''));
    await edit('solution.xml', (doc) => removeRoot(doc, FORM_SCRIPT));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const FORM_SCRIPT = 'psafo_/scripts/form.js';

