/**
 * better-sqlite3 implementation of the record store: one SQLite table per Dataverse table
 * (`r_<logicalname>`: id, version, JSON data), expression indexes on the alternate-key columns,
 * `_deleted` for change tracking, `_meta` for sequences and `_tables` for tables registered at run
 * time. `:memory:` without a data directory, `<dataDir>/dataverse.sqlite` with one.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTable } from '../schema/registry';
import type { TableDefinition } from '../schema/types';
import type { DeletedRecord, RecordData, RecordStore, SqlQuery, StoredRecord } from './types';

interface Row {
  id: string;
  version: number;
  data: string;
}

export const DATABASE_FILE = 'dataverse.sqlite';

export function tableName(logicalName: string): string {
  return `"r_${logicalName}"`;
}

/** The SQL expression of one column inside the JSON data (names are validated identifiers). */
export function columnExpr(column: string): string {
  return `json_extract(data, '$.${column}')`;
}

export class SqliteStore implements RecordStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly known = new Set<string>();
  private version = 0;

  constructor(opts: { dataDir?: string } = {}) {
    if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
    this.db = new Database(opts.dataDir ? join(opts.dataDir, DATABASE_FILE) : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS _deleted (tbl TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS _deleted_version ON _deleted (tbl, version);
      CREATE TABLE IF NOT EXISTS _tables (logical TEXT PRIMARY KEY, def TEXT NOT NULL);`);
    const row = this.db.prepare('SELECT MAX(version) AS v FROM _deleted').get() as { v: number | null };
    this.version = Math.max(row.v ?? 0, this.metaValue('version'));
  }

  /** Creates storage and key indexes for a table (idempotent). */
  ensureTable(table: CompiledTable): void {
    const name = tableName(table.logicalName);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${name} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "v_${table.logicalName}" ON ${name} (version);`);
    (table.def.alternateKeys ?? []).forEach((key, i) => {
      const cols = key.attributes.map((c) => `${columnExpr(c)} COLLATE NOCASE`).join(', ');
      this.db.exec(`CREATE INDEX IF NOT EXISTS "k_${table.logicalName}_${i}" ON ${name} (${cols})`);
    });
    if (!this.known.has(table.logicalName)) {
      this.known.add(table.logicalName);
      const row = this.db.prepare(`SELECT MAX(version) AS v FROM ${name}`).get() as { v: number | null };
      this.version = Math.max(this.version, row.v ?? 0);
    }
  }

  saveTableDefinition(def: TableDefinition): void {
    this.stmt('INSERT INTO _tables (logical, def) VALUES (?, ?) ON CONFLICT(logical) DO UPDATE SET def = excluded.def').run(def.logicalName, JSON.stringify(def));
  }

  loadTableDefinitions(): TableDefinition[] {
    return (this.db.prepare('SELECT def FROM _tables ORDER BY rowid').all() as Array<{ def: string }>).map((r) => JSON.parse(r.def) as TableDefinition);
  }

  get(table: string, id: string): StoredRecord | undefined {
    const row = this.stmt(`SELECT id, version, data FROM ${tableName(table)} WHERE id = ?`).get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  exists(table: string, id: string): boolean {
    return this.stmt(`SELECT 1 AS x FROM ${tableName(table)} WHERE id = ?`).get(id) !== undefined;
  }

  findByColumns(table: string, values: RecordData): StoredRecord | undefined {
    const cols = Object.keys(values);
    const where = cols.map((c) => `${columnExpr(c)} = ? COLLATE NOCASE`).join(' AND ');
    const row = this.stmt(`SELECT id, version, data FROM ${tableName(table)} WHERE ${where} LIMIT 1`).get(...cols.map((c) => sqlValue(values[c]))) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  find(table: string, where: RecordData = {}): StoredRecord[] {
    const cols = Object.keys(where);
    const clause = cols.length ? `WHERE ${cols.map((c) => (where[c] === null ? `${columnExpr(c)} IS NULL` : `${columnExpr(c)} = ?`)).join(' AND ')}` : '';
    const params = cols.filter((c) => where[c] !== null).map((c) => sqlValue(where[c]));
    return (this.stmt(`SELECT id, version, data FROM ${tableName(table)} ${clause} ORDER BY id`).all(...params) as Row[]).map(toRecord);
  }

  insert(table: string, id: string, data: RecordData): StoredRecord {
    const version = this.nextVersion();
    const clean = dropNulls(data);
    this.stmt(`INSERT INTO ${tableName(table)} (id, version, data) VALUES (?, ?, ?)`).run(id, version, JSON.stringify(clean));
    return { id, version, data: clean };
  }

  update(table: string, id: string, changes: RecordData, current?: StoredRecord): StoredRecord {
    const existing = current ?? this.get(table, id);
    if (!existing) throw new Error(`Row ${table}(${id}) does not exist.`);
    const data = dropNulls({ ...existing.data, ...changes });
    const version = this.nextVersion();
    this.stmt(`UPDATE ${tableName(table)} SET version = ?, data = ? WHERE id = ?`).run(version, JSON.stringify(data), id);
    return { id, version, data };
  }

  delete(table: string, id: string): boolean {
    const result = this.stmt(`DELETE FROM ${tableName(table)} WHERE id = ?`).run(id);
    if (result.changes === 0) return false;
    this.stmt('INSERT INTO _deleted (tbl, id, version) VALUES (?, ?, ?)').run(table, id, this.nextVersion());
    return true;
  }

  count(table: string, query: SqlQuery = {}): number {
    const where = query.where ? `WHERE ${query.where}` : '';
    const row = this.stmt(`SELECT COUNT(*) AS n FROM ${tableName(table)} ${where}`).get(...(query.params ?? [])) as { n: number };
    return row.n;
  }

  query(table: string, query: SqlQuery): StoredRecord[] {
    const where = query.where ? `WHERE ${query.where}` : '';
    const order = `ORDER BY ${query.orderBy ? `${query.orderBy}, ` : ''}id`;
    const limit = query.limit !== undefined ? `LIMIT ${Math.trunc(query.limit)}` : '';
    const offset = query.offset ? `${limit ? '' : 'LIMIT -1 '}OFFSET ${Math.trunc(query.offset)}` : '';
    const sql = `SELECT id, version, data FROM ${tableName(table)} ${where} ${order} ${limit} ${offset}`;
    return (this.stmt(sql).all(...(query.params ?? [])) as Row[]).map(toRecord);
  }

  changedBetween(table: string, after: number, upTo: number, limit: number): StoredRecord[] {
    return (this.stmt(`SELECT id, version, data FROM ${tableName(table)} WHERE version > ? AND version <= ? ORDER BY version LIMIT ?`)
      .all(after, upTo, limit) as Row[]).map(toRecord);
  }

  deletedBetween(table: string, after: number, upTo: number, limit: number): DeletedRecord[] {
    return this.stmt('SELECT id, version FROM _deleted WHERE tbl = ? AND version > ? AND version <= ? ORDER BY version LIMIT ?')
      .all(table, after, upTo, limit) as DeletedRecord[];
  }

  currentVersion(): number {
    return this.version;
  }

  nextSequence(name: string, seed: number): number {
    const current = this.metaValue(`seq:${name}`);
    const next = current === 0 ? seed : current + 1;
    this.setMeta(`seq:${name}`, next);
    return next;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // prepared once (db.exec would parse the statement again for every unit of work)
  begin(): void {
    this.stmt('BEGIN').run();
  }

  commit(): void {
    this.stmt('COMMIT').run();
  }

  rollback(): void {
    if (this.db.inTransaction) this.stmt('ROLLBACK').run();
  }

  clear(): void {
    for (const logical of this.known) this.db.exec(`DELETE FROM ${tableName(logical)}`);
    this.db.exec('DELETE FROM _deleted; DELETE FROM _meta;');
  }

  close(): void {
    if (this.db.open) {
      this.setMeta('version', this.version);
      this.db.close();
    }
  }

  private nextVersion(): number {
    this.version += 1;
    return this.version;
  }

  private metaValue(key: string): number {
    const row = this.stmt('SELECT value FROM _meta WHERE key = ?').get(key) as { value: number } | undefined;
    return row?.value ?? 0;
  }

  private setMeta(key: string, value: number): void {
    this.stmt('INSERT INTO _meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function toRecord(row: Row): StoredRecord {
  return { id: row.id, version: row.version, data: JSON.parse(row.data) as RecordData };
}

function dropNulls(data: RecordData): RecordData {
  const out: RecordData = {};
  for (const [k, v] of Object.entries(data)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** SQLite binds booleans as 0/1, which is also what json_extract answers for JSON true/false. */
export function sqlValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
