import type { Db } from './database';

/**
 * Source records to read again on the next run although they did not change: records that failed
 * or waited for a parent. Removed when they sync.
 */
export class RetryRecords {
  constructor(private readonly db: Db) {}

  add(entries: readonly { task: string; sourceId: string; reason: string }[]): void {
    const stmt = this.db.prepare('INSERT INTO retry_records (task, source_id, reason, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (task, source_id) DO UPDATE SET reason = excluded.reason, updated_at = excluded.updated_at');
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const e of entries) stmt.run(e.task, e.sourceId, e.reason, at);
    })();
  }

  remove(task: string, sourceIds: readonly string[]): void {
    const stmt = this.db.prepare('DELETE FROM retry_records WHERE task = ? AND source_id = ?');
    this.db.transaction(() => {
      for (const id of sourceIds) stmt.run(task, id);
    })();
  }

  list(task: string): string[] {
    return (this.db.prepare('SELECT source_id FROM retry_records WHERE task = ? ORDER BY source_id').all(task) as { source_id: string }[]).map((r) => r.source_id);
  }
}
