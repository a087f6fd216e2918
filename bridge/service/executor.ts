import type { Logger } from 'pino';

/** One item of work taken from the durable queue. */
export interface ClaimedItem {
  seq: number;
  entity: string;
  id: string;
  trigger: 'Schedule' | 'SyncNow' | 'Live' | 'Manual';
  priority: number;
  correlationId: string | null;
}

export interface ExecutorQueue {
  claim(worker: string, limit: number): ClaimedItem[];
  complete(seqs: readonly number[]): void;
  release(seqs: readonly number[]): void;
}

export interface ExecutorRunner {
  /** Syncs these records (and what they need) now. */
  syncRecords(items: readonly ClaimedItem[]): Promise<void>;
  /** The change-tracking catch-up of every enabled template. */
  catchUp(): Promise<void>;
}

export interface ExecutorOptions {
  queue: ExecutorQueue;
  runner: ExecutorRunner;
  logger: Logger;
  /** Catch-up interval; null disables the schedule. */
  scheduleMs: number | null;
  batchSize: number;
  /** How long to wait for work when idle (a wake() cuts it short). */
  idleMs?: number;
  /** Back-off after a failed batch before the items are tried again. */
  failureBackoffMs?: number;
  workerId?: string;
  now?: () => number;
}

/**
 * The single loop that does the bridge's work, so that runs never overlap: queued records first,
 * highest priority first (Sync now before live changes), then the scheduled catch-up when it is due.
 * stop() lets the batch in flight finish and leaves the rest queued.
 */
export class Executor {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private nextCatchUp: number;
  private readonly now: () => number;

  constructor(private readonly options: ExecutorOptions) {
    this.now = options.now ?? Date.now;
    this.nextCatchUp = this.now();
  }

  start(): void {
    if (!this.loop) this.loop = this.run();
  }

  /** New work arrived: stop idling. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { queue, runner, logger, batchSize } = this.options;
    const worker = this.options.workerId ?? `bridge-${process.pid}`;
    while (!this.stopping) {
      const items = queue.claim(worker, batchSize);
      if (items.length > 0) {
        try {
          await runner.syncRecords(items);
          queue.complete(items.map((i) => i.seq));
        } catch (err) {
          logger.error({ err, count: items.length }, 'sync of queued records failed; they stay queued');
          queue.release(items.map((i) => i.seq));
          await this.idle(this.options.failureBackoffMs ?? 5000);
        }
        continue;
      }
      if (this.options.scheduleMs !== null && this.now() >= this.nextCatchUp) {
        this.nextCatchUp = this.now() + this.options.scheduleMs;
        try {
          await runner.catchUp();
        } catch (err) {
          logger.error({ err }, 'scheduled catch-up failed; it runs again at the next interval');
        }
        continue;
      }
      const untilCatchUp = this.options.scheduleMs === null ? Number.POSITIVE_INFINITY : this.nextCatchUp - this.now();
      await this.idle(Math.max(10, Math.min(this.options.idleMs ?? 1000, untilCatchUp)));
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
