/** Ordered schema migrations; each runs once in a transaction and is recorded in schema_migrations. */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE key_map (
        task TEXT NOT NULL,
        source_id TEXT NOT NULL,
        legal_entity TEXT NOT NULL DEFAULT '',
        dest_key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'written')),
        hash TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (task, source_id, legal_entity)
      ) WITHOUT ROWID;
      CREATE TABLE delta_tokens (
        task TEXT PRIMARY KEY,
        token TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        trigger TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        upserts INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        summary TEXT
      );
      CREATE INDEX runs_started ON runs(started_at);
      CREATE TABLE run_tasks (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        task TEXT NOT NULL,
        state TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        upserts INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, task)
      );
      CREATE TABLE record_results (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        task TEXT NOT NULL,
        entity TEXT NOT NULL,
        source_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        message TEXT,
        dest_key TEXT,
        legal_entity TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (run_id, task, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX record_results_entity ON record_results(entity, source_id, at);
      CREATE TABLE queue (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        priority INTEGER NOT NULL DEFAULT 0,
        trigger TEXT NOT NULL,
        correlation_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'claimed', 'done')),
        enqueued_at TEXT NOT NULL,
        claimed_at TEXT,
        claimed_by TEXT,
        attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX queue_coalesce ON queue(entity, record_id) WHERE state = 'queued';
      CREATE INDEX queue_next ON queue(state, priority DESC, id);
      CREATE TABLE queue_deliveries (
        delivery_id TEXT PRIMARY KEY,
        received_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'retry-list',
    sql: `
      CREATE TABLE retry_records (
        task TEXT NOT NULL,
        source_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (task, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX record_results_task ON record_results(task, source_id, at);
    `,
  },
  {
    version: 3,
    name: 'error-results-index',
    // the records that were in error, without scanning every result of an entity; partial: only error rows are in it
    sql: `CREATE INDEX record_results_errors ON record_results(entity, source_id) WHERE outcome = 'error';`,
  },
  {
    version: 4,
    name: 'drop-task-results-index',
    // a result is found by its entity's index (a task reads one table): one random-key index less per recorded result
    sql: `DROP INDEX IF EXISTS record_results_task;`,
  },
];
