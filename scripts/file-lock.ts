import { mkdirSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` while holding a cross-process lock (an atomic mkdir). pcf-scripts always writes to
 * <pcf>/out, so two builds in parallel (two jest workers, a developer and a test) must take turns.
 */
export async function withDirLock<T>(lockDir: string, work: () => Promise<T>, options: { timeoutMs?: number; staleMs?: number } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > staleMs) rmSync(lockDir, { recursive: true, force: true });
      } catch { /* removed meanwhile */ }
      if (Date.now() - started > timeoutMs) throw new Error(`another build holds ${lockDir} for more than ${timeoutMs} ms; remove the folder if no build is running.`);
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
