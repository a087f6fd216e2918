import type { FilterExpr } from '../odata/filter-ast';
import type { Row } from '../model/types';

/** What handlers and rules need from storage; the SQLite store is the one implementation. */
export interface StoredRow {
  data: Row;
  /** Row version, increases on every write (feeds `@odata.etag`). */
  version: number;
  /** `data` as JSON text, when the store has it at hand (as read or written): answers reuse it. */
  json?: string;
}

export interface OrderBy {
  field: string;
  desc: boolean;
}

export interface StoreQuery {
  /** Lower-case company ids to include; undefined = all (cross-company or global entities). */
  companies?: string[];
  filter?: FilterExpr;
  orderBy?: OrderBy[];
  top?: number;
  skip?: number;
}

export class DuplicateKeyError extends Error {
  readonly code = 'FO_STORE_DUPLICATE';
}

export interface FinOpsStore {
  get(set: string, key: string): StoredRow | undefined;
  has(set: string, key: string): boolean;
  /** Throws DuplicateKeyError when the key exists. */
  insert(set: string, key: string, company: string, data: Row): StoredRow;
  update(set: string, key: string, data: Row): StoredRow;
  remove(set: string, key: string): boolean;
  query(set: string, q: StoreQuery): StoredRow[];
  count(set: string, q: StoreQuery): number;
  /** Runs fn atomically: all its writes or none (changesets, staging import, posting). */
  transaction<T>(fn: () => T): T;
  clearAll(): void;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  /** Advances the counter stored under meta `key` (absent = 0) and returns its new value (rolled back with the transaction). */
  nextSequence(key: string): number;
  close(): void;
}
