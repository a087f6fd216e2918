import { openDatabase, type Db } from './database';
import { DeltaTokens } from './delta-tokens';
import { KeyMap } from './key-map';
import { Queue } from './queue';
import { RetryRecords } from './retry-records';
import { Runs } from './runs';

export { StoreError } from './database';
export type { KeyMapEntry } from './key-map';
export type { QueueItem, QueueItemInput } from './queue';
export type { RecordOutcome, RecordResult, RunRow, RunState, RunTrigger, TaskCounts } from './runs';
export { RETENTION_DAYS } from './runs';

/** The bridge's state store: one SQLite file; holds keys, tokens, hashes, results, runs and the queue — never secrets. */
export class Store {
  readonly keyMap: KeyMap;
  readonly deltaTokens: DeltaTokens;
  readonly runs: Runs;
  readonly queue: Queue;
  readonly retry: RetryRecords;

  private constructor(private readonly db: Db) {
    this.keyMap = new KeyMap(db);
    this.deltaTokens = new DeltaTokens(db);
    this.runs = new Runs(db);
    this.queue = new Queue(db);
    this.retry = new RetryRecords(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  /** Runs `fn` in one transaction (nested calls join it). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
