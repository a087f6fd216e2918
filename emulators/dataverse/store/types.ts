/**
 * Store port of the Dataverse emulator. Records are kept per table (logical name) as column
 * logical name → value, in canonical form: GUIDs lower case, lookups as the target GUID (and
 * `<column>@target` = target logical name for polymorphic lookups), date-times as
 * `YYYY-MM-DDTHH:mm:ssZ`, date-only values as `YYYY-MM-DD`, numbers as numbers.
 * Every insert/update stamps the row with a new value of one global, monotonically increasing
 * version (the row's ETag and `versionnumber`); deletes are remembered for change tracking.
 */
export type RecordData = Record<string, unknown>;

export interface StoredRecord {
  id: string;
  version: number;
  data: RecordData;
}

export interface DeletedRecord {
  id: string;
  version: number;
}

/** A compiled query: SQL fragments over the JSON column plus their parameters (see odata/sql.ts). */
export interface SqlQuery {
  where?: string;
  params?: unknown[];
  orderBy?: string;
  limit?: number;
  offset?: number;
}

export interface RecordStore {
  get(table: string, id: string): StoredRecord | undefined;
  /** True when the row exists (no JSON parse). */
  exists(table: string, id: string): boolean;
  /** Finds the row whose columns equal `values` (strings compared case-insensitively, as SQL Server does). */
  findByColumns(table: string, values: RecordData): StoredRecord | undefined;
  /** Rows matching simple equality on columns (all rows when `where` is empty), ordered by id. */
  find(table: string, where?: RecordData): StoredRecord[];
  insert(table: string, id: string, data: RecordData): StoredRecord;
  /**
   * Merges `changes` into the row (a `null` value clears the column) and bumps its version.
   * `current` (the row as just read in the same transaction) saves re-reading it.
   */
  update(table: string, id: string, changes: RecordData, current?: StoredRecord): StoredRecord;
  delete(table: string, id: string): boolean;
  count(table: string, query?: SqlQuery): number;
  query(table: string, query: SqlQuery): StoredRecord[];
  /** Rows with after < version <= upTo, ordered by version (change tracking). */
  changedBetween(table: string, after: number, upTo: number, limit: number): StoredRecord[];
  /** Rows deleted with after < version <= upTo, ordered by version. */
  deletedBetween(table: string, after: number, upTo: number, limit: number): DeletedRecord[];
  currentVersion(): number;
  /** Next value of a named counter (auto-numbers); persisted with the data. */
  nextSequence(name: string, seed: number): number;
  /** Runs `fn` atomically (nested calls become savepoints); a throw rolls everything back. */
  transaction<T>(fn: () => T): T;
  begin(): void;
  commit(): void;
  rollback(): void;
  clear(): void;
  close(): void;
}
