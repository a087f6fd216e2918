/**
 * Raw-store helpers for platform rows: stamped like rows the Web API writes (created/modified
 * on, state), upserted by a natural key, ids deterministic where the service's are fixed.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { RecordData, RecordStore, StoredRecord } from '../extensibility';

export function isoNow(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/** A stable GUID from a name (for sdkmessages / filters, whose ids are fixed per environment). */
export function nameGuid(name: string): string {
  const h = createHash('sha1').update(`psa-fo-sync:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newId(): string {
  return randomUUID();
}

export function normalizeGuid(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const g = id.replace(/[{}]/g, '').toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(g) ? g : undefined;
}

export interface RowWriter {
  /** Inserts or updates the row whose `key` columns match; returns its id. */
  upsert(table: string, key: RecordData, data: RecordData, preferredId?: string): string;
  insert(table: string, data: RecordData, id?: string): string;
  find(table: string, where: RecordData): StoredRecord[];
  one(table: string, where: RecordData): StoredRecord | undefined;
}

export function rowWriter(store: RecordStore, primaryIdOf: (table: string) => string, now: () => Date = () => new Date()): RowWriter {
  const stampNew = (table: string, id: string, data: RecordData): RecordData => {
    const t = isoNow(now());
    return { statecode: 0, statuscode: 1, createdon: t, modifiedon: t, ...data, [primaryIdOf(table)]: id };
  };
  return {
    upsert(table, key, data, preferredId) {
      const existing = store.findByColumns(table, key);
      if (existing) {
        store.update(table, existing.id, { ...data, modifiedon: isoNow(now()) });
        return existing.id;
      }
      const id = preferredId && !store.get(table, preferredId) ? preferredId : newId();
      store.insert(table, id, stampNew(table, id, { ...key, ...data }));
      return id;
    },
    insert(table, data, id = newId()) {
      store.insert(table, id, stampNew(table, id, data));
      return id;
    },
    find: (table, where) => store.find(table, where),
    one: (table, where) => store.find(table, where)[0],
  };
}
