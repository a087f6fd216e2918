import { formatKey } from '../connectors/finops/key';
import { mapRecord, type DestinationRecord } from '../templates/map-record';
import type { TaskDef } from '../templates/types';
import { emptyTally, type TaskTally } from './counts';
import { changeHash } from './change-hash';
import { noteWritten } from './fo-scope';
import type { FoWriteOp, Rec, SourcePage } from './ports';
import { taskContext } from './task-context';
import type { TaskRunDeps } from './task-deps';
import { writeWithFallbacks } from './write-finops';

interface PendingWrite {
  readonly sourceId: string;
  readonly row: Rec;
  readonly rec: DestinationRecord;
  readonly op: FoWriteOp;
  readonly hash: string;
}

/**
 * One PSA→F&O task, fed its change pages by run-tasks-together.ts (its own read, or one shared with
 * other tasks of the table): retry list first, then the pages; map, skip unchanged payloads, write in
 * $batch requests with bounded parallelism, checkpoint every batch (key map + results), hold children
 * whose parent is missing and retry them after the task's own records, then save the delta token.
 */
export interface FinOpsTaskRun {
  /** Maps and writes one change page (a record of the task's retry list, read first, is not handled twice). */
  page(page: SourcePage): Promise<void>;
  /** Waits for the writes, settles held children, saves the delta token; the task's counts. */
  finish(deltaToken: string | undefined): Promise<TaskTally>;
}

/** Sets a task up and handles its retry list; the change pages are given to the returned run. */
export async function startTaskToFinOps(task: TaskDef, d: TaskRunDeps): Promise<FinOpsTaskRun> {
  const tally = emptyTally();
  const entitySet = d.entitySetOf(task);
  const dryWritten = d.dryRunWritten as Map<string, string | null> | undefined;
  const ctx = taskContext(task, d);
  // the F&O→PSA task that may have created PSA records of this table has written something (it runs later in a run)
  const viaHasEntries = task.cameFromFinOpsVia !== undefined && d.store.keyMap.hasAny(task.cameFromFinOpsVia.task);
  // a task's first run: no record has a key yet, so no per-record lookup (a record met twice in the run
  // would be POSTed twice, and F&O's "already exists" turns the second into a PATCH)
  const taskHadEntries = d.store.keyMap.hasAny(task.id);
  const held = new Map<string, { row: Rec; parent: { name: string; id: string; task: string } }>();
  let buffer: PendingWrite[] = [];
  const inflight = new Set<Promise<void>>();
  let failure: unknown;

  const results = (entries: { sourceId: string; outcome: 'upserted' | 'skipped' | 'filtered' | 'error'; message: string | null; rec?: DestinationRecord; keyText?: string }[]): void => {
    if (d.dryRun) return;
    d.store.runs.recordResults(
      entries.map((e) => ({
        runId: d.runId,
        task: task.id,
        entity: task.source.entityName,
        sourceId: e.sourceId,
        outcome: e.outcome,
        message: e.message,
        destKey: e.keyText ?? (e.rec ? formatKey(e.rec.key) : null),
        legalEntity: e.rec?.legalEntity ?? null,
      })),
    );
  };

  // records to read again although unchanged (Sync now, earlier errors); only these and the ones this run
  // adds can be on the list, so a first run of thousands of records deletes nothing from it
  const retryIds = new Set(d.store.retry.list(task.id));
  let retryAdded = false;
  const leaveRetryList = (ids: readonly string[]): void => {
    if (ids.length > 0 && (retryIds.size > 0 || retryAdded)) d.store.retry.remove(task.id, ids);
  };

  // results of records that are not written (filtered, skipped, in error): saved together, one
  // transaction per page, not one per record; with them, retry-listed records found in sync leave the list
  const notes: { sourceId: string; outcome: 'skipped' | 'filtered' | 'error'; message: string }[] = [];
  const settled: string[] = [];
  const note = (sourceId: string, outcome: 'skipped' | 'filtered' | 'error', message: string): void => {
    if (!d.dryRun) notes.push({ sourceId, outcome, message });
  };
  const saveNotes = (): void => {
    if (notes.length === 0 && settled.length === 0) return;
    const batch = notes.splice(0);
    const inSync = settled.splice(0);
    d.store.transaction(() => {
      results(batch);
      const errors = batch.filter((n) => n.outcome === 'error');
      if (errors.length > 0) retryAdded = true;
      d.store.retry.add(errors.map((n) => ({ task: task.id, sourceId: n.sourceId, reason: n.message })));
      leaveRetryList([...batch.filter((n) => n.outcome !== 'error').map((n) => n.sourceId), ...inSync]);
    });
  };

  const commit = async (batch: PendingWrite[]): Promise<void> => {
    d.store.keyMap.markPending(batch.map((w) => ({ task: task.id, sourceId: w.sourceId, legalEntity: w.rec.legalEntity, destKey: w.rec.key })));
    const res = await writeWithFallbacks(d.ports, batch.map((w) => w.op));
    const ok = batch.filter((_, i) => res[i].ok);
    const keyText = new Map(batch.map((w) => [w, formatKey(w.rec.key)]));
    if (d.writtenKeys) noteWritten(d.writtenKeys, task.id, ok.map((w) => w.rec.key));
    d.store.transaction(() => {
      d.store.keyMap.markWritten(ok.map((w) => ({ task: task.id, sourceId: w.sourceId, legalEntity: w.rec.legalEntity, destKey: w.rec.key, hash: w.hash })));
      leaveRetryList(ok.map((w) => w.sourceId));
      const failed = batch.flatMap((w, i) => {
        const r = res[i];
        return r.ok ? [] : [{ w, message: `F&O rejected ${entitySet}${keyText.get(w)}: ${r.message}` }];
      });
      // an F&O rejection is not retried blindly (a quiet run writes nothing): the record goes again when
      // it changes, with `run --full`, or through retry-failed
      leaveRetryList(failed.map((f) => f.w.sourceId));
      results([
        ...ok.map((w) => ({ sourceId: w.sourceId, outcome: 'upserted' as const, message: null, rec: w.rec, keyText: keyText.get(w) })),
        ...failed.map((f) => ({ sourceId: f.w.sourceId, outcome: 'error' as const, message: f.message, rec: f.w.rec, keyText: keyText.get(f.w) })),
      ]);
      for (const w of ok) d.status.record(task, w.row, w.sourceId, 'Synced', { finopsKey: keyText.get(w), legalEntity: w.rec.legalEntity });
      for (const f of failed) d.status.record(task, f.w.row, f.w.sourceId, 'Error', { message: f.message, finopsKey: keyText.get(f.w), legalEntity: f.w.rec.legalEntity });
      tally.upserts += ok.length;
      tally.errors += failed.length;
    });
    for (const f of batch.filter((_, i) => !res[i].ok)) d.logger.warn({ sourceId: f.sourceId, key: f.rec.key }, 'record rejected by F&O');
    d.onProgress?.(task, tally);
  };

  const flush = async (all: boolean): Promise<void> => {
    while (buffer.length >= d.batchSize || (all && buffer.length > 0)) {
      const batch = buffer.slice(0, d.batchSize);
      buffer = buffer.slice(d.batchSize);
      if (d.dryRun) {
        tally.upserts += batch.length;
        continue;
      }
      const p: Promise<void> = commit(batch)
        .catch((err: unknown) => {
          failure ??= err;
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= d.parallelism) await Promise.race(inflight);
      if (failure) break;
    }
    if (all || failure) await Promise.all(inflight);
    if (failure) throw failure;
  };

  // synchronous: the caller flushes when a batch is full (no promise per record)
  const handle = (row: Rec, retryingHeld: boolean): boolean => {
    const outcome = mapRecord(task, row, ctx);
    const sourceId = outcome.sourceId;
    switch (outcome.kind) {
      case 'filtered':
        tally.filtered++;
        note(sourceId, 'filtered', outcome.reason);
        return true;
      case 'held':
        held.set(sourceId, { row, parent: outcome.parent });
        return false;
      case 'skipped':
      case 'error': {
        const message = outcome.kind === 'skipped' ? outcome.reason : outcome.message;
        if (outcome.kind === 'skipped') tally.skipped++;
        else tally.errors++;
        note(sourceId, outcome.kind, message);
        d.status.record(task, row, sourceId, outcome.kind === 'skipped' ? 'Skipped' : 'Error', { message });
        d.logger.info({ sourceId, outcome: outcome.kind, reason: message }, `record ${outcome.kind}`);
        return true;
      }
      case 'mapped': {
        const buffered = buffer.length;
        for (const rec of outcome.records) {
          const hash = changeHash(task, rec.payload);
          const entry = taskHadEntries ? d.store.keyMap.get(task.id, sourceId, rec.legalEntity) : undefined;
          if (entry?.state === 'written' && entry.hash === hash) {
            tally.unchanged++;
            continue;
          }
          if (!entry && viaHasEntries && cameFromFinOps(task, d, sourceId)) {
            // written to PSA from F&O's own row: in sync as it is
            tally.unchanged++;
            if (!d.dryRun) d.store.keyMap.markWritten([{ task: task.id, sourceId, legalEntity: rec.legalEntity, destKey: rec.key, hash }]);
            continue;
          }
          const op: FoWriteOp = { method: entry ? 'PATCH' : 'POST', entitySet, key: rec.key, payload: rec.payload, filledByFinOps: task.filledByFinOps };
          if (d.dryRun) {
            dryWritten?.set(`${task.id}|${sourceId}`, rec.legalEntity);
            d.onDryRunWrite?.({ task: task.id, sourceId, method: op.method, entitySet, key: rec.key, payload: rec.payload });
          }
          buffer.push({ sourceId, row, rec, op, hash });
        }
        if (buffer.length === buffered && retryIds.has(sourceId) && !d.dryRun) settled.push(sourceId);
        if (retryingHeld) held.delete(sourceId);
        return true;
      }
    }
  };

  const handlePage = async (rows: readonly Rec[]): Promise<void> => {
    tally.read += rows.length;
    await d.lookups.prefetch(task, rows);
    ctx.prefetchParents(rows);
    for (const row of rows) {
      handle(row, false);
      if (buffer.length >= d.batchSize) await flush(false);
    }
    saveNotes();
    d.onProgress?.(task, tally);
  };

  if (retryIds.size > 0) await handlePage(await d.ports.readByIds(task, [...retryIds]));

  const page = async (p: SourcePage): Promise<void> => {
    // a record read from the retry list is not handled twice
    await handlePage(retryIds.size > 0 ? p.rows.filter((r) => !retryIds.has(String(r[task.source.idField]))) : p.rows);
    tally.deleted += p.deleted.length;
  };
  return { page, finish: (deltaToken) => finish(deltaToken) };

  async function finish(deltaToken: string | undefined): Promise<TaskTally> {
    await flush(true);

    // children whose parent came later in this task (sub-tasks before their parent task) go now
    for (let progress = true; progress && held.size > 0; ) {
      progress = false;
      for (const [id, h] of [...held]) {
        held.delete(id);
        const before = held.size;
        handle(h.row, true);
        if (buffer.length >= d.batchSize) await flush(false);
        if (held.size === before) progress = true;
      }
      saveNotes();
      await flush(true);
    }
    // many children wait for the same few parents: each parent's latest result is read once
    const parentResults = new Map<string, ReturnType<typeof d.store.runs.latestInTask>>();
    for (const [sourceId, h] of held) {
      // a parent the filter or the legal-entity routing left out takes its children with it
      const parentKey = `${h.parent.task}|${h.parent.id}`;
      const parentEntity = d.sourceEntityOf(h.parent.task);
      if (!parentResults.has(parentKey)) parentResults.set(parentKey, parentEntity ? d.store.runs.latestInTask(parentEntity, h.parent.task, h.parent.id) : undefined);
      const parentResult = parentResults.get(parentKey);
      if (parentResult && (parentResult.outcome === 'skipped' || parentResult.outcome === 'filtered')) {
        const reason = `its ${h.parent.name} ${h.parent.id} is not synced: ${parentResult.message ?? parentResult.outcome}`;
        tally.skipped++;
        note(sourceId, 'skipped', reason);
        d.status.record(task, h.row, sourceId, 'Skipped', { message: reason });
        continue;
      }
      const message = `waiting for its ${h.parent.name} ${h.parent.id}, which is not in F&O (not synced yet or failed); it is retried on the next run`;
      tally.errors++;
      note(sourceId, 'error', message);
      d.status.record(task, h.row, sourceId, 'Error', { message });
    }
    saveNotes();
    if (!d.dryRun && deltaToken) d.store.deltaTokens.set(task.id, deltaToken);
    d.onProgress?.(task, tally);
    return tally;
  }
}

/** Whether a PSA record this task has no key for was created in PSA from an F&O row (`cameFromFinOpsVia`). */
function cameFromFinOps(task: TaskDef, d: TaskRunDeps, sourceId: string): boolean {
  const via = task.cameFromFinOpsVia;
  return via !== undefined && d.store.keyMap.get(via.task, JSON.stringify({ [via.keyField]: sourceId }), null)?.state === 'written';
}

/** The task's change pages: the probed first page and what follows it, or a normal read from the token. */
export async function* changePages(d: TaskRunDeps, task: TaskDef, token: string | undefined): AsyncGenerator<SourcePage> {
  if (!d.firstPage) {
    let first = true;
    try {
      for await (const page of d.startedRead ?? d.ports.readChanges(task, token)) {
        first = false;
        yield page;
      }
    } catch (err) {
      // an expired or unknown delta token (Dataverse keeps them 7 days) means a full read; hashes keep writes minimal
      const status = (err as { status?: number }).status;
      if (!first || token === undefined || status === undefined || ![400, 404, 410].includes(status)) throw err;
      d.logger.warn({ err }, 'saved delta token refused; reading everything again');
      yield* d.ports.readChanges(task, undefined);
    }
    return;
  }
  yield d.firstPage;
  if (d.firstPage.nextLink) yield* d.ports.readChanges(task, d.firstPage.nextLink);
}
