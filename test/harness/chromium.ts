/**
 * Headless Chromium for browser tests (playwright-core drives an installed browser; nothing is
 * downloaded). The executable comes from PSAFO_CHROMIUM, else the usual system locations.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumExecutable(): string {
  const fromEnv = process.env.PSAFO_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PSAFO_CHROMIUM=${fromEnv} does not exist; point it at a Chromium or Chrome executable.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}). Install chromium (apt-get install chromium) or set PSAFO_CHROMIUM.`);
  return found;
}

/** No network of its own (updates, component downloads, first-run pages): the tests see only the pages they open. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Playwright's launch() always starts Chromium with a fresh temporary --user-data-dir of its own and
 * deletes it on close() (it refuses a --user-data-dir argument), so every browser starts clean.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
}
