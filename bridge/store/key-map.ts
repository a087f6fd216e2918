import type { Db } from './database';

export interface KeyMapEntry {
  readonly task: string;
  readonly sourceId: string;
  readonly legalEntity: string | null;
  readonly destKey: Readonly<Record<string, unknown>>;
  readonly state: 'pending' | 'written';
  readonly hash: string | null;
}

interface Row {
  task: string;
  source_id: string;
  legal_entity: string;
  dest_key: string;
  state: 'pending' | 'written';
  hash: string | null;
}

const toEntry = (r: Row): KeyMapEntry => ({
  task: r.task,
  sourceId: r.source_id,
  legalEntity: r.legal_entity === '' ? null : r.legal_entity,
  destKey: JSON.parse(r.dest_key) as Record<string, unknown>,
  state: r.state,
  hash: r.hash,
});

/** Source record (task + id + company) → destination key, with the hash of the last payload written. */
export class KeyMap {
  private readonly getStmt;
  private readonly forSourceStmt;
  private readonly upsertStmt;
  private readonly byDestStmt;
  private readonly anyStmt;
  private readonly writtenCompanyStmt;
  private readonly writtenCompaniesStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare('SELECT * FROM key_map WHERE task = ? AND source_id = ? AND legal_entity = ?');
    this.forSourceStmt = db.prepare('SELECT * FROM key_map WHERE task = ? AND source_id = ?');
    this.anyStmt = db.prepare('SELECT 1 FROM key_map WHERE task = ? LIMIT 1');
    this.writtenCompaniesStmt = db.prepare(
      "SELECT source_id, legal_entity FROM key_map WHERE task = ? AND state = 'written' AND source_id IN (SELECT value FROM json_each(?)) ORDER BY source_id, legal_entity",
    );
    this.writtenCompanyStmt = db.prepare("SELECT legal_entity FROM key_map WHERE task = ? AND source_id = ? AND state = 'written' LIMIT 1").pluck();
    this.byDestStmt = db.prepare("SELECT * FROM key_map WHERE task = ? AND dest_key = ? AND state = 'written' LIMIT 1");
    this.upsertStmt = db.prepare(`
      INSERT INTO key_map (task, source_id, legal_entity, dest_key, state, hash, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (task, source_id, legal_entity) DO UPDATE SET dest_key = excluded.dest_key, state = excluded.state,
        hash = CASE WHEN excluded.state = 'written' THEN excluded.hash ELSE key_map.hash END, updated_at = excluded.updated_at`);
  }

  get(task: string, sourceId: string, legalEntity: string | null): KeyMapEntry | undefined {
    const r = this.getStmt.get(task, sourceId, legalEntity ?? '') as Row | undefined;
    return r ? toEntry(r) : undefined;
  }

  /** Every company a source record was written to. */
  forSource(task: string, sourceId: string): KeyMapEntry[] {
    return (this.forSourceStmt.all(task, sourceId) as Row[]).map(toEntry);
  }

  /** The company a source record was written to (null: none, the destination has no companies), or undefined if it was not written. */
  writtenCompany(task: string, sourceId: string): string | null | undefined {
    const company = this.writtenCompanyStmt.get(task, sourceId) as string | undefined;
    return company === undefined ? undefined : company === '' ? null : company;
  }

  /** writtenCompany for many source records in one query: id → company (null: no companies); ids not written are absent. */
  writtenCompanies(task: string, sourceIds: readonly string[]): Map<string, string | null> {
    const out = new Map<string, string | null>();
    const rows = this.writtenCompaniesStmt.all(task, JSON.stringify(sourceIds)) as { source_id: string; legal_entity: string }[];
    for (const r of rows) if (!out.has(r.source_id)) out.set(r.source_id, r.legal_entity === '' ? null : r.legal_entity);
    return out;
  }

  /** The written entry with this destination key (reverse lookup, e.g. project number → project id). */
  byDestKey(task: string, destKey: Readonly<Record<string, unknown>>): KeyMapEntry | undefined {
    const r = this.byDestStmt.get(task, JSON.stringify(destKey)) as Row | undefined;
    return r ? toEntry(r) : undefined;
  }

  /** Records the intended key before a write (state pending) so that an interrupted write is reconciled on resume. */
  markPending(entries: readonly { task: string; sourceId: string; legalEntity: string | null; destKey: Readonly<Record<string, unknown>> }[]): void {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const e of entries) {
        this.upsertStmt.run(e.task, e.sourceId, e.legalEntity ?? '', JSON.stringify(e.destKey), 'pending', null, at);
      }
    })();
  }

  markWritten(entries: readonly { task: string; sourceId: string; legalEntity: string | null; destKey: Readonly<Record<string, unknown>>; hash: string }[]): void {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const e of entries) {
        this.upsertStmt.run(e.task, e.sourceId, e.legalEntity ?? '', JSON.stringify(e.destKey), 'written', e.hash, at);
      }
    })();
  }

  /** A written entry whose destination key has `field` = `value` (e.g. ProjectID → project id), any company. */
  byKeyField(task: string, field: string, value: string): KeyMapEntry | undefined {
    const r = this.db
      .prepare("SELECT * FROM key_map WHERE task = ? AND state = 'written' AND json_extract(dest_key, '$.' || ?) = ? LIMIT 1")
      .get(task, field, value) as Row | undefined;
    return r ? toEntry(r) : undefined;
  }

  /** Whether the task has any entry (a cheap guard before per-record lookups of a task that never ran). */
  hasAny(task: string): boolean {
    return this.anyStmt.get(task) !== undefined;
  }

  countWritten(task: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM key_map WHERE task = ? AND state = 'written'").get(task) as { n: number }).n;
  }
}
