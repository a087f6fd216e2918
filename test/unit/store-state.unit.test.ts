import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../../bridge/store';

describe('state store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'psafo-store-'));
    store = Store.open(join(dir, 'state', 'bridge.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates once and survives reopening', () => {
    store.deltaTokens.set('projects', 'token-1');
    store.close();
    store = Store.open(join(dir, 'state', 'bridge.db'));
    expect(store.deltaTokens.get('projects')).toBe('token-1');
    const db = new Database(join(dir, 'state', 'bridge.db'), { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    db.close();
  });

  it('keeps pending keys until written, with the hash of the payload written', () => {
    const key = { dataAreaId: 'USSI', ActualId: 'a1' };
    store.keyMap.markPending([{ task: 'actuals', sourceId: 'a1', legalEntity: 'USSI', destKey: key }]);
    expect(store.keyMap.get('actuals', 'a1', 'USSI')).toMatchObject({ state: 'pending', hash: null, destKey: key });
    store.keyMap.markWritten([{ task: 'actuals', sourceId: 'a1', legalEntity: 'USSI', destKey: key, hash: 'h1' }]);
    store.keyMap.markPending([{ task: 'actuals', sourceId: 'a1', legalEntity: 'USSI', destKey: key }]);
    expect(store.keyMap.get('actuals', 'a1', 'USSI')).toMatchObject({ state: 'pending', hash: 'h1' });
    store.keyMap.markWritten([{ task: 'projects', sourceId: 'p1', legalEntity: 'USSI', destKey: { dataAreaId: 'USSI', ProjectID: 'PRJ-1' }, hash: 'h' }]);
    expect(store.keyMap.byDestKey('projects', { dataAreaId: 'USSI', ProjectID: 'PRJ-1' })?.sourceId).toBe('p1');
    expect(store.keyMap.get('projects', 'p1', null)).toBeUndefined();
    expect(store.keyMap.countWritten('projects')).toBe(1);
    // the company a parent was written to (pending is not written; null: a destination without companies)
    expect(store.keyMap.writtenCompany('projects', 'p1')).toBe('USSI');
    store.keyMap.markPending([{ task: 'projects', sourceId: 'p2', legalEntity: 'USSI', destKey: { dataAreaId: 'USSI', ProjectID: 'PRJ-2' } }]);
    expect(store.keyMap.writtenCompany('projects', 'p2')).toBeUndefined();
    store.keyMap.markWritten([{ task: 'categories', sourceId: 'c1', legalEntity: null, destKey: { CategoryId: 'Travel' }, hash: 'h' }]);
    expect(store.keyMap.writtenCompany('categories', 'c1')).toBeNull();
    // many at once: written ones only, the first company of a record written to several
    store.keyMap.markWritten([{ task: 'projects', sourceId: 'p1', legalEntity: 'USMF', destKey: { dataAreaId: 'USMF', ProjectID: 'PRJ-1' }, hash: 'h' }]);
    expect(store.keyMap.writtenCompanies('projects', ['p1', 'p2', 'p3', "it's"])).toEqual(new Map([['p1', 'USMF']]));
    expect(store.keyMap.writtenCompanies('categories', ['c1'])).toEqual(new Map([['c1', null]]));
  });

  it('records runs, task counts and per-record results, and purges after 45 days', () => {
    const old = new Date('2026-01-01T00:00:00Z');
    store.runs.start('r-old', 'Schedule', old);
    store.runs.recordResults([{ runId: 'r-old', task: 'projects', entity: 'msdyn_project', sourceId: 'p1', outcome: 'upserted', message: null, destKey: 'k', legalEntity: 'USSI' }], old);
    store.runs.start('r-new', 'Manual', new Date('2026-02-20T00:00:00Z'));
    store.runs.saveTask('r-new', { task: 'projects', state: 'done', read: 3, upserts: 1, unchanged: 1, skipped: 0, errors: 1 });
    store.runs.recordResults([{ runId: 'r-new', task: 'projects', entity: 'msdyn_project', sourceId: 'p1', outcome: 'error', message: 'bad', destKey: null, legalEntity: null }], new Date('2026-02-20T00:00:01Z'));
    store.runs.finish('r-new', { state: 'Warning', upserts: 1, skipped: 0, errors: 1, summary: 's' }, new Date('2026-02-20T00:01:00Z'));
    expect(store.runs.get('r-new')).toMatchObject({ state: 'Warning', errors: 1, endedAt: '2026-02-20T00:01:00.000Z' });
    expect(store.runs.tasks('r-new')).toEqual([{ task: 'projects', state: 'done', read: 3, upserts: 1, unchanged: 1, skipped: 0, errors: 1 }]);
    expect(store.runs.latestFor('msdyn_project', 'p1')).toMatchObject({ runId: 'r-new', outcome: 'error', message: 'bad' });
    expect(store.runs.closeInterrupted()).toEqual(['r-old']);
    expect(store.runs.purge(new Date('2026-02-20T00:00:00Z'))).toBe(1);
    expect(store.runs.list().map((r) => r.id)).toEqual(['r-new']);
    expect(store.runs.results('r-old')).toEqual([]);
  });

  it('queues durably: coalesces by entity and id, dedupes deliveries, claims by priority, re-leases dead claims', () => {
    const t0 = new Date('2026-03-01T10:00:00Z');
    expect(store.queue.enqueue([
      { entity: 'msdyn_project', id: 'p1', trigger: 'Live', priority: 1, deliveryId: 'd1' },
      { entity: 'msdyn_project', id: 'p2', trigger: 'Live', priority: 1, deliveryId: 'd1' },
    ], t0)).toEqual({ queued: 2, duplicates: 0 });
    expect(store.queue.enqueue([{ entity: 'msdyn_project', id: 'p1', trigger: 'Live', priority: 1, deliveryId: 'd1' }], t0)).toEqual({ queued: 0, duplicates: 1 });
    expect(store.queue.enqueue([{ entity: 'msdyn_project', id: 'p2', trigger: 'SyncNow', priority: 10 }], t0)).toEqual({ queued: 0, duplicates: 1 });
    expect(store.queue.depth()).toBe(2);
    const first = store.queue.claim('w1', 1, 60_000, t0);
    expect(first.map((i) => [i.id, i.trigger, i.priority])).toEqual([['p2', 'SyncNow', 10]]);
    // while p2 is claimed, a new change to it queues a fresh row
    expect(store.queue.enqueue([{ entity: 'msdyn_project', id: 'p2', trigger: 'Live', priority: 1 }], t0).queued).toBe(1);
    store.queue.complete(first.map((i) => i.seq));
    const second = store.queue.claim('w1', 10, 60_000, t0);
    expect(second.map((i) => i.id).sort()).toEqual(['p1', 'p2']);
    // the worker dies: after the lease the items are handed out again
    expect(store.queue.claim('w2', 10, 60_000, new Date(t0.getTime() + 30_000))).toEqual([]);
    const again = store.queue.claim('w2', 10, 60_000, new Date(t0.getTime() + 120_000));
    expect(again.map((i) => i.attempts)).toEqual([2, 2]);
    store.queue.release(again.map((i) => i.seq));
    expect(store.queue.isQueued('msdyn_project', 'p1')).toBe(true);
    expect(store.queue.depth()).toBe(2);
  });
});
