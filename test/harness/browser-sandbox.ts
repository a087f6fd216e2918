/**
 * The sandbox in a real browser: one test sandbox (emulators, deployed solution, bridge; no
 * schedule) and one headless Chromium, with helpers to open app host pages, collect page errors
 * and save screenshots under the git-ignored test-artifacts/ folder.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseConfig } from '../../bridge/config';
import { startBridgeService, type RunningBridge } from '../../bridge/service/service';
import { launchChromium } from './chromium';
import { startTestSandbox, type TestSandbox } from './sandbox';

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
