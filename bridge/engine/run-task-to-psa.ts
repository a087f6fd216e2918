import { mapRecord } from '../templates/map-record';
import type { TaskDef } from '../templates/types';
import { emptyTally, type TaskTally } from './counts';
import { emptyTextAsNull } from './empty-text';
import { payloadHash } from './hash';
import { readAhead } from './read-ahead';
import { linkedReads, mainRead, MAX_LINKED_IDS, readsByLinksThisRun, SCOPED_READS } from './fo-scope';
import type { FoRead, Rec, SourcePage } from './ports';
import { taskContext } from './task-context';
import type { TaskRunDeps } from './task-deps';

interface Target {
  readonly sourceId: string;
  readonly key: Rec;
  readonly payload: Rec;
  readonly hash: string;
}

/**
 * One F&O→PSA task: read the F&O entity cross-company (no change tracking there: full read, hash
 * skip; the first page may come from the run's one $batch of F&O reads), map, and write through
 * UpsertMultiple in batches. A failed batch is split to one record per call so that one bad row
 * becomes one record error.
 */
export async function runTaskToPsa(task: TaskDef, d: TaskRunDeps): Promise<TaskTally> {
  const tally = emptyTally();
  const ctx = taskContext(task, d);
  const seen = new Set<string>();
  let buffer: Target[] = [];
  const dest = task.destination;

  const done = (ok: readonly Target[], failed: readonly { t: Target; message: string }[]): void => {
    tally.upserts += ok.length;
    tally.errors += failed.length;
    if (d.dryRun) return;
    d.store.transaction(() => {
      d.store.keyMap.markWritten(ok.map((t) => ({ task: task.id, sourceId: t.sourceId, legalEntity: null, destKey: t.key, hash: t.hash })));
      d.store.runs.recordResults([
        ...ok.map((t) => ({ runId: d.runId, task: task.id, entity: dest.entityName, sourceId: t.sourceId, outcome: 'upserted' as const, message: null, destKey: null, legalEntity: null })),
        ...failed.map((f) => ({ runId: d.runId, task: task.id, entity: dest.entityName, sourceId: f.t.sourceId, outcome: 'error' as const, message: f.message, destKey: null, legalEntity: null })),
      ]);
    });
  };

  const write = async (batch: Target[]): Promise<void> => {
    if (d.dryRun) {
      done(batch, []);
      return;
    }
    try {
      await d.ports.upsertMultiple(dest.entitySet, dest.entityName, batch.map((t) => t.payload));
      done(batch, []);
    } catch (err) {
      if (batch.length === 1) {
        const message = `Dataverse rejected ${dest.entitySet} ${batch[0].sourceId}: ${(err as Error).message}`;
        d.logger.warn({ sourceId: batch[0].sourceId }, message);
        done([], [{ t: batch[0], message }]);
        return;
      }
      for (const t of batch) await write([t]);
    }
  };

  // the ids this task read, when another task of the run reads only the rows linked to them
  let ids: Set<string> | 'many' | undefined = d.linkedIds && isScopeTarget(task, d) ? new Set() : undefined;
  for await (const page of readAhead(sourcePages(task, d))) {
    tally.read += page.rows.length;
    for (const row of page.rows) {
      const id = String(row[task.source.idField] ?? '');
      if (ids instanceof Set) {
        ids.add(id);
        if (ids.size > MAX_LINKED_IDS) ids = 'many';
      }
      if (task.excludeSyncedBy?.some((t) => d.store.keyMap.forSource(t, id).length > 0)) {
        tally.filtered++;
        continue;
      }
      const outcome = mapRecord(task, row, ctx);
      if (outcome.kind === 'filtered') {
        tally.filtered++;
        continue;
      }
      if (outcome.kind !== 'mapped') {
        const message = outcome.kind === 'held' ? `waiting for ${outcome.parent.name} ${outcome.parent.id}` : outcome.kind === 'skipped' ? outcome.reason : outcome.message;
        if (outcome.kind === 'skipped') tally.skipped++;
        else tally.errors++;
        if (!d.dryRun) {
          d.store.runs.recordResults([{ runId: d.runId, task: task.id, entity: dest.entityName, sourceId: outcome.sourceId, outcome: outcome.kind === 'skipped' ? 'skipped' : 'error', message, destKey: null, legalEntity: null }]);
        }
        continue;
      }
      for (const mapped of outcome.records) {
        const rec = { key: mapped.key, payload: emptyTextAsNull(mapped.payload) };
        const keyText = JSON.stringify(rec.key);
        const hash = payloadHash(rec.payload);
        const entry = d.store.keyMap.get(task.id, keyText, null);
        if (seen.has(keyText) || (entry?.state === 'written' && entry.hash === hash)) {
          tally.unchanged++;
          continue;
        }
        seen.add(keyText);
        if (d.dryRun) d.onDryRunWrite?.({ task: task.id, sourceId: keyText, method: 'UpsertMultiple', entitySet: dest.entitySet, key: rec.key, payload: rec.payload });
        buffer.push({ sourceId: keyText, key: rec.key, payload: rec.payload, hash });
        if (buffer.length >= d.batchSize) {
          const batch = buffer;
          buffer = [];
          await write(batch);
        }
      }
    }
    d.onProgress?.(task, tally);
  }
  if (buffer.length > 0) await write(buffer);
  d.onProgress?.(task, tally);
  if (ids !== undefined) d.linkedIds?.set(task.id, ids);
  if (!d.dryRun) saveReadPosition(task, d, tally.errors === 0);
  return tally;
}

const isScopeTarget = (task: TaskDef, d: TaskRunDeps): boolean => d.scopeTargets?.has(task.id) === true;

/**
 * After the read: the watermark moves on, and a scoped task reads by links from now on, only when no
 * record failed (a failed row is read again on the next run).
 */
function saveReadPosition(task: TaskDef, d: TaskRunDeps, clean: boolean): void {
  if (task.source.watermark && clean && d.nextWatermark !== undefined) d.store.deltaTokens.set(task.id, String(d.nextWatermark));
  if (task.source.scopeTo) {
    if (clean) d.store.deltaTokens.set(task.id, SCOPED_READS);
    else d.store.deltaTokens.clear(task.id);
  }
}

/**
 * The F&O pages of the task: the rows linked to what its scope task read (scoped tasks after their
 * first run), or the main read: its first page read with the run's other F&O reads and what follows it.
 */
async function* sourcePages(task: TaskDef, d: TaskRunDeps): AsyncGenerator<SourcePage> {
  const linked = readsByLinks(task, d);
  const firsts = linked ? await linkedFirstPages(linked, d) : undefined;
  if (linked && firsts) {
    for (const [i, page] of firsts.entries()) {
      yield page;
      if (page.nextLink) yield* d.ports.readFinOps(linked[i], page.nextLink);
    }
    return;
  }
  const read = d.foRead ?? mainRead(task, d.entitySetOf(task), undefined);
  if (!d.firstPage) {
    yield* d.ports.readFinOps(read);
    return;
  }
  yield d.firstPage;
  if (d.firstPage.nextLink) yield* d.ports.readFinOps(read, d.firstPage.nextLink);
}

/** The reads by links of a scoped task, or undefined when it reads in full this time. */
function readsByLinks(task: TaskDef, d: Pick<TaskRunDeps, 'full' | 'store' | 'linkedIds' | 'entitySetOf'>): FoRead[] | undefined {
  const scope = task.source.scopeTo;
  if (!scope || !readsByLinksThisRun(task, d.store.deltaTokens.get(task.id), d.full)) return undefined;
  const ids = d.linkedIds?.get(scope.task);
  if (ids === undefined || ids === 'many') return undefined;
  return linkedReads(task, d.entitySetOf(task), [...ids]);
}

/** First pages of the linked reads in one F&O $batch; undefined when the connector cannot batch or F&O refuses them (then: a full read). */
export async function linkedFirstPages(reads: readonly FoRead[], d: Pick<TaskRunDeps, 'ports' | 'logger'>): Promise<(SourcePage & { readonly nextLink?: string })[] | undefined> {
  if (reads.length === 0) return [];
  if (!d.ports.readFinOpsFirstPages) return undefined;
  try {
    return await d.ports.readFinOpsFirstPages(reads);
  } catch (err) {
    // e.g. an F&O that types the link fields otherwise and refuses the filter: the full read still works
    d.logger.warn({ err }, 'reading by links failed; reading everything');
    return undefined;
  }
}
