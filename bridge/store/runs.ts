import type { Db } from './database';

export type RunTrigger = 'Schedule' | 'SyncNow' | 'Live' | 'Manual';
export type RunState = 'Running' | 'Succeeded' | 'Warning' | 'Failed';
export type RecordOutcome = 'upserted' | 'unchanged' | 'skipped' | 'filtered' | 'error';

export interface RunRow {
  readonly id: string;
  readonly trigger: RunTrigger;
  readonly state: RunState;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly upserts: number;
  readonly skipped: number;
  readonly errors: number;
  readonly summary: string | null;
}

export interface TaskCounts {
  readonly task: string;
  readonly state: string;
  readonly read: number;
  readonly upserts: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: number;
}

export interface RecordResult {
  readonly runId: string;
  readonly task: string;
  readonly entity: string;
  readonly sourceId: string;
  readonly outcome: RecordOutcome;
  readonly message: string | null;
  readonly destKey: string | null;
  readonly legalEntity: string | null;
  readonly at: string;
}

/** Run history (kept 45 days), per-task counts and per-record results. */
export const RETENTION_DAYS = 45;

export class Runs {
  private readonly resultStmt;
  private readonly taskStmt;
  private readonly previousStmt;

  constructor(private readonly db: Db) {
    this.resultStmt = db.prepare(`INSERT INTO record_results (run_id, task, entity, source_id, outcome, message, dest_key, legal_entity, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, task, source_id) DO UPDATE SET outcome = excluded.outcome, message = excluded.message, dest_key = excluded.dest_key,
        legal_entity = excluded.legal_entity, at = excluded.at`);
    this.previousStmt = db.prepare('SELECT outcome FROM record_results WHERE entity = ? AND source_id = ? AND run_id <> ? ORDER BY at DESC LIMIT 1');
    this.taskStmt = db.prepare(`INSERT INTO run_tasks (run_id, task, state, read, upserts, unchanged, skipped, errors)
      VALUES (@runId, @task, @state, @read, @upserts, @unchanged, @skipped, @errors)
      ON CONFLICT (run_id, task) DO UPDATE SET state = excluded.state, read = excluded.read, upserts = excluded.upserts,
        unchanged = excluded.unchanged, skipped = excluded.skipped, errors = excluded.errors`);
  }

  start(id: string, trigger: RunTrigger, now = new Date()): void {
    this.db.prepare("INSERT INTO runs (id, trigger, state, started_at) VALUES (?, ?, 'Running', ?)").run(id, trigger, now.toISOString());
  }

  /** Runs left 'Running' by a killed process become Failed with a note; returns their ids. */
  closeInterrupted(now = new Date()): string[] {
    const ids = (this.db.prepare("SELECT id FROM runs WHERE state = 'Running'").all() as { id: string }[]).map((r) => r.id);
    this.db.prepare("UPDATE runs SET state = 'Failed', ended_at = ?, summary = 'interrupted; the next run resumed from the last checkpoint' WHERE state = 'Running'").run(now.toISOString());
    return ids;
  }

  finish(id: string, result: { state: RunState; upserts: number; skipped: number; errors: number; summary: string }, now = new Date()): void {
    this.db
      .prepare('UPDATE runs SET state = ?, ended_at = ?, upserts = ?, skipped = ?, errors = ?, summary = ? WHERE id = ?')
      .run(result.state, now.toISOString(), result.upserts, result.skipped, result.errors, result.summary, id);
  }

  saveTask(runId: string, c: TaskCounts): void {
    this.taskStmt.run({ runId, ...c });
  }

  /** Per-record results of one batch, in one transaction (the checkpoint of a batch). */
  recordResults(results: readonly Omit<RecordResult, 'at'>[], now = new Date()): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const r of results) this.resultStmt.run(r.runId, r.task, r.entity, r.sourceId, r.outcome, r.message, r.destKey, r.legalEntity, at);
    })();
  }

  get(id: string): RunRow | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? toRun(r) : undefined;
  }

  list(limit = 20): RunRow[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as Record<string, unknown>[]).map(toRun);
  }

  tasks(runId: string): TaskCounts[] {
    return this.db.prepare('SELECT task, state, read, upserts, unchanged, skipped, errors FROM run_tasks WHERE run_id = ? ORDER BY rowid').all(runId) as TaskCounts[];
  }

  results(runId: string, outcome?: RecordOutcome): RecordResult[] {
    const rows = (outcome
      ? this.db.prepare('SELECT * FROM record_results WHERE run_id = ? AND outcome = ? ORDER BY at').all(runId, outcome)
      : this.db.prepare('SELECT * FROM record_results WHERE run_id = ? ORDER BY at').all(runId)) as Record<string, unknown>[];
    return rows.map(toResult);
  }

  /** The latest result of a source record (any run). */
  latestFor(entity: string, sourceId: string): RecordResult | undefined {
    const r = this.db.prepare('SELECT * FROM record_results WHERE entity = ? AND source_id = ? ORDER BY at DESC LIMIT 1').get(entity, sourceId) as Record<string, unknown> | undefined;
    return r ? toResult(r) : undefined;
  }

  /** The latest result of a source record in a task (any run); `entity` is the task's source table (it picks the index). */
  latestInTask(entity: string, task: string, sourceId: string): RecordResult | undefined {
    const r = this.db.prepare('SELECT * FROM record_results WHERE entity = ? AND source_id = ? AND task = ? ORDER BY at DESC LIMIT 1').get(entity, sourceId, task) as Record<string, unknown> | undefined;
    return r ? toResult(r) : undefined;
  }

  /** Source records of an entity with an error result in a run other than `runId` (candidates for `previousOutcome`). */
  idsWithErrors(entity: string, runId: string): Set<string> {
    const rows = this.db.prepare("SELECT DISTINCT source_id FROM record_results WHERE outcome = 'error' AND entity = ? AND run_id <> ?").all(entity, runId) as { source_id: string }[];
    return new Set(rows.map((r) => r.source_id));
  }

  /** The outcome of a source record in the latest run before `runId` that handled it (any task). */
  previousOutcome(entity: string, sourceId: string, runId: string): RecordOutcome | undefined {
    const r = this.previousStmt.get(entity, sourceId, runId) as { outcome: RecordOutcome } | undefined;
    return r?.outcome;
  }

  /** Deletes runs (and their results) older than the retention; returns how many runs went. */
  purge(now = new Date(), days = RETENTION_DAYS): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM runs WHERE started_at < ?').run(cutoff).changes;
  }
}

function toRun(r: Record<string, unknown>): RunRow {
  return {
    id: String(r.id),
    trigger: r.trigger as RunTrigger,
    state: r.state as RunState,
    startedAt: String(r.started_at),
    endedAt: (r.ended_at as string | null) ?? null,
    upserts: Number(r.upserts),
    skipped: Number(r.skipped),
    errors: Number(r.errors),
    summary: (r.summary as string | null) ?? null,
  };
}

function toResult(r: Record<string, unknown>): RecordResult {
  return {
    runId: String(r.run_id),
    task: String(r.task),
    entity: String(r.entity),
    sourceId: String(r.source_id),
    outcome: r.outcome as RecordOutcome,
    message: (r.message as string | null) ?? null,
    destKey: (r.dest_key as string | null) ?? null,
    legalEntity: (r.legal_entity as string | null) ?? null,
    at: String(r.at),
  };
}
