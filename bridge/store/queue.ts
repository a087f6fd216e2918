import type { Db } from './database';
import type { RunTrigger } from './runs';

export interface QueueItemInput {
  readonly entity: string;
  readonly id: string;
  readonly trigger: RunTrigger;
  readonly priority: number;
  readonly correlationId?: string;
  /** Delivery id of the webhook request: a retried delivery is queued once. */
  readonly deliveryId?: string;
}

export interface QueueItem {
  readonly seq: number;
  readonly entity: string;
  readonly id: string;
  readonly trigger: RunTrigger;
  readonly priority: number;
  readonly correlationId: string | null;
  readonly attempts: number;
}

/**
 * The durable work queue of the bridge service. Enqueue coalesces by entity + id (one queued row;
 * the higher priority wins); claim hands out the highest priority first; a claim older than the
 * lease is handed out again (the worker died).
 */
export class Queue {
  /** Statements of the hot path (every webhook delivery), prepared once. */
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.stmt = {
      seen: db.prepare('INSERT OR IGNORE INTO queue_deliveries (delivery_id, received_at) VALUES (?, ?)'),
      existing: db.prepare("SELECT id, priority FROM queue WHERE entity = ? AND record_id = ? AND state = 'queued'"),
      raise: db.prepare('UPDATE queue SET priority = MAX(priority, ?), trigger = CASE WHEN ? > priority THEN ? ELSE trigger END WHERE id = ?'),
      insert: db.prepare("INSERT INTO queue (entity, record_id, priority, trigger, correlation_id, state, enqueued_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)"),
    };
  }

  enqueue(items: readonly QueueItemInput[], now = new Date()): { queued: number; duplicates: number } {
    const at = now.toISOString();
    const { seen, existing, raise, insert } = this.stmt;
    return this.db.transaction(() => {
      const replayed = new Set<string>();
      for (const d of new Set(items.map((i) => i.deliveryId).filter((d): d is string => d !== undefined))) {
        if (seen.run(d, at).changes === 0) replayed.add(d);
      }
      let queued = 0;
      let duplicates = 0;
      for (const item of items) {
        if (item.deliveryId !== undefined && replayed.has(item.deliveryId)) {
          duplicates++;
          continue;
        }
        const row = existing.get(item.entity, item.id) as { id: number; priority: number } | undefined;
        if (row) {
          raise.run(item.priority, item.priority, item.trigger, row.id);
          duplicates++;
        } else {
          insert.run(item.entity, item.id, item.priority, item.trigger, item.correlationId ?? null, at);
          queued++;
        }
      }
      return { queued, duplicates };
    })();
  }

  claim(worker: string, limit: number, leaseMs = 300_000, now = new Date()): QueueItem[] {
    const at = now.toISOString();
    const stale = new Date(now.getTime() - leaseMs).toISOString();
    return this.db.transaction(() => {
      this.db.prepare("UPDATE queue SET state = 'queued', claimed_at = NULL, claimed_by = NULL WHERE state = 'claimed' AND claimed_at < ? AND NOT EXISTS (SELECT 1 FROM queue q2 WHERE q2.entity = queue.entity AND q2.record_id = queue.record_id AND q2.state = 'queued')").run(stale);
      const rows = this.db.prepare("SELECT * FROM queue WHERE state = 'queued' ORDER BY priority DESC, id LIMIT ?").all(limit) as Record<string, unknown>[];
      const mark = this.db.prepare("UPDATE queue SET state = 'claimed', claimed_at = ?, claimed_by = ?, attempts = attempts + 1 WHERE id = ?");
      for (const r of rows) mark.run(at, worker, r.id);
      return rows.map((r) => ({
        seq: Number(r.id),
        entity: String(r.entity),
        id: String(r.record_id),
        trigger: r.trigger as RunTrigger,
        priority: Number(r.priority),
        correlationId: (r.correlation_id as string | null) ?? null,
        attempts: Number(r.attempts) + 1,
      }));
    })();
  }

  /**
   * At start-up of the only worker of this store: claims left by a process that died (SIGKILL,
   * power loss) go back to the queue at once instead of waiting for their lease to expire.
   * Returns how many came back.
   */
  recoverClaims(): number {
    return this.db.transaction(() => {
      const orphans = this.db.prepare("SELECT id FROM queue WHERE state = 'claimed'").all() as { id: number }[];
      this.release(orphans.map((o) => o.id));
      return orphans.length;
    })();
  }

  complete(seqs: readonly number[]): void {
    const stmt = this.db.prepare("DELETE FROM queue WHERE id = ? AND state = 'claimed'");
    this.db.transaction(() => {
      for (const s of seqs) stmt.run(s);
    })();
  }

  /** Gives claimed items back (the run failed before handling them); coalesces with a newer queued row. */
  release(seqs: readonly number[]): void {
    const get = this.db.prepare("SELECT entity, record_id FROM queue WHERE id = ? AND state = 'claimed'");
    const dupe = this.db.prepare("SELECT id FROM queue WHERE entity = ? AND record_id = ? AND state = 'queued'");
    const back = this.db.prepare("UPDATE queue SET state = 'queued', claimed_at = NULL, claimed_by = NULL WHERE id = ?");
    const del = this.db.prepare('DELETE FROM queue WHERE id = ?');
    this.db.transaction(() => {
      for (const s of seqs) {
        const r = get.get(s) as { entity: string; record_id: string } | undefined;
        if (!r) continue;
        if (dupe.get(r.entity, r.record_id)) del.run(s);
        else back.run(s);
      }
    })();
  }

  depth(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM queue WHERE state = 'queued'").get() as { n: number }).n;
  }

  /** Is this record waiting in the queue (status "Queued")? */
  isQueued(entity: string, id: string): boolean {
    return this.db.prepare("SELECT 1 FROM queue WHERE entity = ? AND record_id = ? AND state IN ('queued', 'claimed')").get(entity, id) !== undefined;
  }
}
