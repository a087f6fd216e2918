import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../model/types';
import { columnFor, filterToSql } from './filter-sql';
import { DuplicateKeyError, type FinOpsStore, type StoreQuery, type StoredRow } from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rows (
  seq INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  rkey TEXT NOT NULL,
  company TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (entity, rkey)
);
CREATE INDEX IF NOT EXISTS rows_entity_company ON rows (entity, company, seq);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
`;

export const FINOPS_DB_FILE = 'finops.sqlite';
const EXISTENCE_CACHE_LIMIT = 100_000;

/** The F&O emulator's store: one SQLite table of JSON rows keyed by (entity set, key); `:memory:` without dataDir. */
export class SqliteFinOpsStore implements FinOpsStore {
  private readonly db: Db;
  private readonly statements = new Map<string, Statement>();
  private version: number;
  /** One transaction wrapper, reused (better-sqlite3 nests calls as savepoints). */
  private readonly tx: (fn: () => unknown) => unknown;
  /**
   * Whether (entity set, key) exists, as far as known: business rules ask it several times per write
   * (legal entity, project, task, contract, currency). Kept exact by every write of this store; dropped
   * when a transaction rolls back or the store is cleared.
   */
  private readonly existence = new Map<string, boolean>();
  /**
   * Current values of the counters `nextSequence` advances. Inside a transaction a new value is only
   * noted (`pendingSequences`) and written to `meta` once, when the outermost transaction commits: a
   * 1,000-create batch writes its counter once instead of 1,000 times. A rollback restores both.
   */
  private readonly sequences = new Map<string, number>();
  private readonly pendingSequences = new Set<string>();

  constructor(opts: { dataDir?: string } = {}) {
    let file = ':memory:';
    if (opts.dataDir) {
      mkdirSync(opts.dataDir, { recursive: true });
      file = join(opts.dataDir, FINOPS_DB_FILE);
    }
    this.db = new Database(file);
    if (opts.dataDir) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.exec(SCHEMA);
    const max = this.db.prepare('SELECT MAX(version) AS v FROM rows').get() as { v: number | null };
    this.version = max.v ?? 0;
    this.tx = this.db.transaction((fn: () => unknown) => fn());
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size > 1000) this.statements.clear();
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private toRow(r: { version: number; data: string }): StoredRow {
    return { version: r.version, data: JSON.parse(r.data) as Row, json: r.data };
  }

  get(set: string, key: string): StoredRow | undefined {
    const r = this.stmt('SELECT version, data FROM rows WHERE entity = ? AND rkey = ?').get(set, key) as { version: number; data: string } | undefined;
    return r ? this.toRow(r) : undefined;
  }

  has(set: string, key: string): boolean {
    const cacheKey = `${set}\u0000${key}`;
    let found = this.existence.get(cacheKey);
    if (found === undefined) {
      found = this.stmt('SELECT 1 FROM rows WHERE entity = ? AND rkey = ?').get(set, key) !== undefined;
      this.remember(cacheKey, found);
    }
    return found;
  }

  private remember(cacheKey: string, exists: boolean): void {
    if (this.existence.size >= EXISTENCE_CACHE_LIMIT) this.existence.clear();
    this.existence.set(cacheKey, exists);
  }

  insert(set: string, key: string, company: string, data: Row): StoredRow {
    const version = ++this.version;
    const json = JSON.stringify(data);
    try {
      this.stmt('INSERT INTO rows (entity, rkey, company, version, data) VALUES (?, ?, ?, ?, ?)').run(set, key, company, version, json);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError(`${set} ${key} exists`);
      throw err;
    }
    this.remember(`${set}\u0000${key}`, true);
    return { version, data, json };
  }

  update(set: string, key: string, data: Row): StoredRow {
    const version = ++this.version;
    const json = JSON.stringify(data);
    this.stmt('UPDATE rows SET version = ?, data = ? WHERE entity = ? AND rkey = ?').run(version, json, set, key);
    return { version, data, json };
  }

  remove(set: string, key: string): boolean {
    const removed = this.stmt('DELETE FROM rows WHERE entity = ? AND rkey = ?').run(set, key).changes > 0;
    this.remember(`${set}\u0000${key}`, false);
    return removed;
  }

  private where(set: string, q: StoreQuery): { sql: string; params: unknown[] } {
    const parts = ['entity = ?'];
    const params: unknown[] = [set];
    if (q.companies) {
      parts.push(`company IN (${q.companies.map(() => '?').join(', ')})`);
      params.push(...q.companies);
    }
    if (q.filter) {
      const f = filterToSql(q.filter);
      parts.push(f.sql);
      params.push(...f.params);
    }
    return { sql: parts.join(' AND '), params };
  }

  query(set: string, q: StoreQuery): StoredRow[] {
    const w = this.where(set, q);
    const order = [...(q.orderBy ?? []).map((o) => `${columnFor(o.field)}${o.desc ? ' DESC' : ''}`), 'seq'].join(', ');
    const sql = `SELECT version, data FROM rows WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
    const rows = this.stmt(sql).all(...w.params, q.top ?? -1, q.skip ?? 0) as Array<{ version: number; data: string }>;
    return rows.map((r) => this.toRow(r));
  }

  count(set: string, q: StoreQuery): number {
    const w = this.where(set, q);
    return (this.stmt(`SELECT COUNT(*) AS n FROM rows WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  }

  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    const sequencesBefore = new Map(this.sequences);
    const pendingBefore = new Set(this.pendingSequences);
    try {
      return this.tx(() => {
        const result = fn();
        if (outermost) this.writePendingSequences();
        return result;
      }) as T;
    } catch (err) {
      this.existence.clear();
      replaceMap(this.sequences, sequencesBefore);
      replaceSet(this.pendingSequences, pendingBefore);
      throw err;
    }
  }

  clearAll(): void {
    this.db.exec('DELETE FROM rows; DELETE FROM meta;');
    this.existence.clear();
    this.sequences.clear();
    this.pendingSequences.clear();
  }

  getMeta(key: string): string | undefined {
    if (this.pendingSequences.has(key)) return String(this.sequences.get(key));
    return this.readMeta(key);
  }

  setMeta(key: string, value: string): void {
    this.writeMeta(key, value);
    this.sequences.delete(key);
    this.pendingSequences.delete(key);
  }

  nextSequence(key: string): number {
    const next = (this.sequences.get(key) ?? Number(this.readMeta(key) ?? '0')) + 1;
    this.sequences.set(key, next);
    if (this.db.inTransaction) this.pendingSequences.add(key);
    else this.writeMeta(key, String(next));
    return next;
  }

  private writePendingSequences(): void {
    for (const key of this.pendingSequences) this.writeMeta(key, String(this.sequences.get(key)));
    this.pendingSequences.clear();
  }

  private readMeta(key: string): string | undefined {
    const r = this.stmt('SELECT v FROM meta WHERE k = ?').get(key) as { v: string } | undefined;
    return r?.v;
  }

  private writeMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v').run(key, value);
  }

  close(): void {
    this.db.close();
  }
}

function replaceMap<K, V>(target: Map<K, V>, from: Map<K, V>): void {
  target.clear();
  for (const [k, v] of from) target.set(k, v);
}

function replaceSet<T>(target: Set<T>, from: Set<T>): void {
  target.clear();
  for (const v of from) target.add(v);
}
