import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { orgUnitLegalEntity, type Config } from '../config';
import type { RunState, RunTrigger, Store } from '../store';
import { templates as registry, taskIndex, type TaskId, type TemplateId } from '../templates';
import type { TaskDef, TemplateDef } from '../templates/types';
import { DV, FO_ENTITY_SETS } from '../templates/entities';
import { resolveValueMaps } from '../templates/value-maps';
import { mainRead, nextWatermark, pageStillExact, readsByLinksThisRun, savedWatermark, watermarkReads, type WrittenKeys } from './fo-scope';
import { emptyTally, type TaskTally } from './counts';
import { LookupCache } from './lookup-cache';
import { planRun } from './plan';
import type { EnginePorts, Rec, SourcePage } from './ports';
import { readRunStart, type ProbedPage } from './run-start';
import { runRow, SYNC_RUN_ENTITY_SET, SYNC_RUN_TABLE } from './run-row';
import { runTaskToPsa } from './run-task-to-psa';
import { runTasksToFinOpsTogether } from './run-tasks-together';
import { sharedReads } from './shared-reads';
import { startRead } from './started-read';
import { StatusCollector, SYNC_STATUS_ENTITY_SET, SYNC_STATUS_TABLE } from './status';
import type { DryRunWrite, TaskRunDeps } from './task-deps';

export interface RunOptions {
  readonly templates?: readonly TemplateId[];
  readonly full?: boolean;
  readonly dryRun?: boolean;
  readonly trigger?: RunTrigger;
  readonly runId?: string;
  readonly onDryRunWrite?: (w: DryRunWrite) => void;
  readonly onProgress?: (e: { template: TemplateId; task: TaskId; tally: TaskTally; done: boolean }) => void;
}

export interface TaskSummary extends TaskTally {
  readonly template: TemplateId;
  readonly task: TaskId;
  readonly state: 'done' | 'failed';
  readonly failure?: string;
}

export interface RunSummary {
  readonly runId: string;
  readonly state: RunState;
  readonly dryRun: boolean;
  readonly tasks: readonly TaskSummary[];
  readonly upserts: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: number;
  readonly failedTasks: number;
  readonly durationMs: number;
  readonly writeBackProblem?: string;
}

export interface RunDeps {
  readonly config: Config;
  readonly store: Store;
  readonly ports: EnginePorts;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * One run: plan the template/task DAG, run every task (a failing task is reported, the others go
 * on), record the run in the store (45-day history) and write status and run rows to Dataverse.
 */
export async function runSync(deps: RunDeps, opts: RunOptions = {}): Promise<RunSummary> {
  const now = deps.now ?? (() => new Date());
  const { config, store, ports } = deps;
  const runId = opts.runId ?? randomUUID();
  const trigger = opts.trigger ?? 'Manual';
  const dryRun = opts.dryRun === true;
  const log = deps.logger.child({ runId });
  const started = now();
  const all = registry({ milestoneSource: config.templates.milestoneSource });
  const byTaskId = taskIndex(all);
  const sourceEntityOf = (id: string): string | undefined => byTaskId.get(id as TaskId)?.task.source.entityName;
  const selected = opts.templates && opts.templates.length > 0 ? opts.templates : config.templates.enabled;
  const plan = planRun(all, selected);
  const tracked = new Set<TaskId>(planRun(all, config.templates.enabled).map((p) => p.task.id));
  for (const p of plan) tracked.add(p.task.id);

  if (!dryRun) {
    const interrupted = store.runs.closeInterrupted(started);
    if (interrupted.length > 0) log.warn({ interrupted }, 'previous runs were interrupted; resuming from their checkpoints');
    store.runs.purge(started);
    store.runs.start(runId, trigger, started);
  }
  let writeBackProblem: string | undefined;
  const writeBack = async (what: string, fn: () => Promise<void>): Promise<void> => {
    if (dryRun) return;
    try {
      await fn();
    } catch (err) {
      writeBackProblem = `${what}: ${(err as Error).message}`;
      log.warn({ err }, `status write-back failed (${what})`);
    }
  };
  // a first or full run shows as Running while it works; an incremental run writes its row once, at the end
  const longRun = opts.full === true || plan.some((p) => p.template.direction === 'psa-to-fo' && store.deltaTokens.get(p.task.id) === undefined);
  if (longRun) {
    await writeBack('run row', () => ports.upsertMultiple(SYNC_RUN_ENTITY_SET, SYNC_RUN_TABLE, [runRow({ runId, trigger, state: 'Running', startedOn: started, upserts: 0, skipped: 0, errors: 0, summary: `${plan.length} tasks` })]));
  }

  // was a counted record (estimate, actual) in error before? asked per record: one query per entity for the few
  // records that ever were, the exact question only for those
  const errorIds = new Map<string, Set<string>>();
  const status = new StatusCollector((entity, id) => {
    let ids = errorIds.get(entity);
    if (!ids) errorIds.set(entity, (ids = store.runs.idsWithErrors(entity, runId)));
    return ids.has(id) && store.runs.previousOutcome(entity, id, runId) === 'error';
  });
  const lookups = new LookupCache(ports, (task, id) => store.keyMap.forSource(task, id).find((e) => e.state === 'written')?.destKey);
  const needsCurrencies = plan.some((p) => p.task.mapping.some((m) => m.transform.kind === 'bind' && m.transform.by === 'currencyCode'));
  const needsCategories = plan.some((p) => p.task.mapping.some((m) => m.transform.kind === 'categoryId'));
  const tables = [
    ...(needsCurrencies ? [{ entitySet: DV.currencies.set, select: [DV.currencies.id, 'isocurrencycode'] }] : []),
    ...(needsCategories ? [{ entitySet: DV.categories.set, select: [DV.categories.id, 'msdyn_name'] }] : []),
  ];
  // incremental run: the first change page of every PSA→F&O task and the small tables in one Dataverse
  // $batch; a probed page is dropped when an F&O→PSA task of this run writes that table before its task comes
  const probe = opts.full === true ? [] : plan.filter((p) => p.template.direction === 'psa-to-fo').flatMap((p) => {
    const deltaToken = store.deltaTokens.get(p.task.id);
    return deltaToken === undefined ? [] : [{ task: p.task, deltaToken }];
  });
  const start = await readRunStart(ports, log, probe, tables);
  const firstPages = start.firstPages;
  const currencies = new Map<string, string>();
  const categoriesByName = new Map<string, string>();
  const rowsOf = (set: string) => start.tables[tables.findIndex((t) => t.entitySet === set)] ?? [];
  for (const r of rowsOf(DV.currencies.set)) currencies.set(String(r.isocurrencycode), String(r[DV.currencies.id]));
  for (const r of rowsOf(DV.categories.set)) categoriesByName.set(String(r.msdyn_name).toLowerCase(), String(r[DV.categories.id]));
  const entitySets = config.finops.entitySets as Readonly<Record<string, string>>;
  const setName = new Map(Object.entries(defaultsByValue()).map(([def, key]) => [def, entitySets[key] ?? def]));
  const entitySetOf = (task: TaskDef): string => {
    const side = task.source.system === 'finops' ? task.source.entitySet : task.destination.entitySet;
    return setName.get(side) ?? side;
  };
  const dryRunWritten = dryRun ? new Map<string, string | null>() : undefined;

  // F&O→PSA tasks read F&O without change tracking: from their saved watermark, or (scoped tasks) by links
  // to what another task read. Their first pages and the next watermarks in one F&O $batch when the first
  // of them comes; a page is dropped when a PSA→F&O task writes that entity set before its task
  const foFirstPages = new Map<TaskId, ProbedPage>();
  const foWatermarks = new Map<TaskId, number>();
  const linkedIds = new Map<TaskId, Set<string> | 'many'>();
  const writtenKeys: WrittenKeys = new Map();
  const scopeTargets = new Set(plan.flatMap((p) => (p.task.source.scopeTo ? [p.task.source.scopeTo.task] : [])));
  const foRead = (t: TaskDef) => mainRead(t, entitySetOf(t), opts.full === true ? undefined : savedWatermark(store.deltaTokens.get(t.id)));
  const prefetchFinOps = async (from: number): Promise<void> => {
    const group: TaskDef[] = [];
    for (let j = from; j < plan.length; j++) {
      const t = plan[j].task;
      if (plan[j].template.direction === 'fo-to-psa') {
        if (!foFirstPages.has(t.id) && !readsByLinksThisRun(t, store.deltaTokens.get(t.id), opts.full === true)) group.push(t);
      }
      else if (longRun) break; // a first run writes F&O between them: later pages would be stale
    }
    // the watermark reads go before the page they bound (F&O runs a $batch's parts in order)
    const reads = group.map((t) => [...watermarkReads(t, entitySetOf(t)), foRead(t)]);
    if (!ports.readFinOpsFirstPages || reads.flat().length < 2) return;
    try {
      const pages = await ports.readFinOpsFirstPages(reads.flat());
      let at = 0;
      group.forEach((t, i) => {
        if (t.source.watermark) {
          const next = nextWatermark(t, pages[at].rows, pages[at + 1].rows);
          if (next !== undefined) foWatermarks.set(t.id, next);
        }
        at += reads[i].length;
        foFirstPages.set(t.id, pages[at - 1]);
      });
    } catch (err) {
      log.warn({ err }, 'F&O batch read failed; the tasks read F&O one by one');
    }
  };
  /** After a task: a prefetched page of a table it wrote (or may have written) is stale. */
  const invalidate = (task: TaskDef, direction: 'psa-to-fo' | 'fo-to-psa', wrote: boolean): void => {
    if (!wrote) return;
    if (direction === 'fo-to-psa') {
      for (const p of plan) if (firstPages.has(p.task.id) && p.task.source.entitySet === task.destination.entitySet) firstPages.delete(p.task.id);
    } else {
      const set = entitySetOf(task);
      for (const p of plan) {
        const page = foFirstPages.get(p.task.id);
        if (page && entitySetOf(p.task) === set && !pageStillExact(p.task, page, task, writtenKeys.get(task.id))) foFirstPages.delete(p.task.id);
      }
    }
  };
  const summaries: TaskSummary[] = [];

  // the next PSA→F&O task's change read starts when a PSA→F&O task has read its last page: its first
  // page comes while the last write batches of this one are answered (they write F&O, not the source)
  const startedReads = new Map<TaskId, AsyncIterable<SourcePage>>();
  const startNextRead = (index: number): void => {
    const next = plan.slice(index + 1).find((p) => !readerOf.has(p.task.id));
    if (!next || next.template.direction !== 'psa-to-fo' || firstPages.has(next.task.id) || startedReads.has(next.task.id)) return;
    startedReads.set(next.task.id, startRead(ports.readChanges(next.task, opts.full === true ? undefined : store.deltaTokens.get(next.task.id))));
  };
  const depsFor = (template: TemplateDef, task: TaskDef, tlog: Logger, index: number): TaskRunDeps => ({
    runId, ports, store, logger: tlog, status, lookups, currencies, categoriesByName, trackedTasks: tracked, dryRunWritten,
    settings: {
      forecastModel: config.templates.forecastModel,
      customerGroup: config.templates.customerGroup,
      intercompany: config.templates.intercompany,
      orgUnitLegalEntity: orgUnitLegalEntity(config),
    },
    valueMaps: resolveValueMaps(config.templates.valueMaps),
    batchSize: config.sync.batchSize,
    parallelism: config.sync.parallelism,
    full: opts.full === true,
    dryRun,
    firstPage: template.direction === 'psa-to-fo' ? firstPages.get(task.id) : foFirstPages.get(task.id),
    startedRead: startedReads.get(task.id),
    onReadDone: template.direction === 'psa-to-fo' ? () => startNextRead(index) : undefined,
    ...(template.direction === 'fo-to-psa' ? { foRead: foRead(task), nextWatermark: foWatermarks.get(task.id), linkedIds, scopeTargets } : { writtenKeys }),
    entitySetOf,
    sourceEntityOf,
    onDryRunWrite: opts.onDryRunWrite,
    onProgress: (t: TaskDef, tally: TaskTally): void => opts.onProgress?.({ template: template.id, task: t.id, tally, done: false }),
  });
  /** A task's end: its summary and checkpointed counts; prefetched pages it made stale are dropped. */
  const settle = (template: TemplateDef, task: TaskDef, tlog: Logger, outcome: { tally: TaskTally } | { error: unknown }): void => {
    if ('tally' in outcome) {
      summaries.push({ template: template.id, task: task.id, state: 'done', ...outcome.tally });
      tlog.info({ ...outcome.tally }, 'task finished');
      opts.onProgress?.({ template: template.id, task: task.id, tally: outcome.tally, done: true });
    } else {
      summaries.push({ template: template.id, task: task.id, state: 'failed', failure: (outcome.error as Error).message, ...emptyTally() });
      tlog.error({ err: outcome.error }, 'task failed; the other tasks go on');
    }
    const last = summaries[summaries.length - 1];
    startedReads.delete(task.id);
    firstPages.delete(task.id);
    foFirstPages.delete(task.id);
    invalidate(task, template.direction, last.state === 'failed' || last.upserts + last.errors > 0);
    if (!dryRun) store.runs.saveTask(runId, { task: task.id, state: last.state, read: last.read, upserts: last.upserts, unchanged: last.unchanged, skipped: last.skipped, errors: last.errors });
  };
  // tasks that read the same table from the same token run together, from one read (shared-reads.ts)
  const readerOf = sharedReads(plan, (id) => (opts.full === true ? undefined : store.deltaTokens.get(id)));

  for (const [index, { template, task }] of plan.entries()) {
    if (readerOf.has(task.id)) continue; // it runs with the task whose read it shares
    if (template.direction === 'fo-to-psa' && !foFirstPages.has(task.id)) await prefetchFinOps(index);
    const members = [...plan.filter((p) => readerOf.get(p.task.id) === task.id), plan[index]].map((p) => ({ ...p, tlog: log.child({ template: p.template.id, task: p.task.id }) }));
    for (const m of members) m.tlog.info(members.length > 1 ? { sharedReadWith: members.map((x) => x.task.id) } : {}, 'task started');
    if (template.direction === 'psa-to-fo') {
      // one read for the task and the tasks that share it
      const outcomes = await runTasksToFinOpsTogether(members.map((m) => ({ task: m.task, d: depsFor(m.template, m.task, m.tlog, index) })));
      members.forEach((m, i) => settle(m.template, m.task, m.tlog, outcomes[i]));
      continue;
    }
    const tlog = members[0].tlog;
    let outcome: { tally: TaskTally } | { error: unknown };
    try {
      outcome = { tally: await runTaskToPsa(task, depsFor(template, task, tlog, index)) };
    } catch (error) {
      outcome = { error };
    }
    settle(template, task, tlog, outcome);
  }
  // in plan order (a task that shared a later task's read ran with it)
  const order = new Map(plan.map((p, i) => [p.task.id, i]));
  summaries.sort((a, b) => (order.get(a.task) ?? 0) - (order.get(b.task) ?? 0));

  const sum = (k: keyof TaskTally): number => summaries.reduce((n, s) => n + s[k], 0);
  const failedTasks = summaries.filter((s) => s.state === 'failed').length;
  const errors = sum('errors');
  const state: RunState = failedTasks > 0 ? 'Failed' : errors > 0 ? 'Warning' : 'Succeeded';
  const ended = now();
  const text = summaries.map((s) => `${s.task}: ${s.state === 'failed' ? `FAILED (${s.failure})` : `${s.upserts} written, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.errors} errors`}`).join('; ');

  // status rows in chunks of 500; the last chunk and the run row share one $batch request
  const targets = status.size > 0 ? status.targets(runId, ended) : [];
  const finalRun = runRow({ runId, trigger, state, startedOn: started, endedOn: ended, upserts: sum('upserts'), skipped: sum('skipped'), errors, summary: text });
  // (the chunks before the last go sync.parallelism at a time; the run row, which says the run ended, goes after them)
  const chunks: Rec[][] = [];
  let i = 0;
  for (; i + 500 < targets.length; i += 500) chunks.push(targets.slice(i, i + 500));
  for (let c = 0; c < chunks.length; c += config.sync.parallelism) {
    await Promise.all(chunks.slice(c, c + config.sync.parallelism).map((chunk) => writeBack('status rows', () => ports.upsertMultiple(SYNC_STATUS_ENTITY_SET, SYNC_STATUS_TABLE, chunk))));
  }
  const last = targets.slice(i);
  await writeBack('status and run rows', () =>
    ports.upsertMultipleBatch([
      { entitySet: SYNC_STATUS_ENTITY_SET, logicalName: SYNC_STATUS_TABLE, targets: last },
      { entitySet: SYNC_RUN_ENTITY_SET, logicalName: SYNC_RUN_TABLE, targets: [finalRun] },
    ]),
  );
  if (!dryRun) store.runs.finish(runId, { state, upserts: sum('upserts'), skipped: sum('skipped'), errors, summary: writeBackProblem ? `${text}; write-back: ${writeBackProblem}` : text }, ended);
  log.info({ state, upserts: sum('upserts'), errors, failedTasks }, 'run finished');
  return {
    runId, state, dryRun, tasks: summaries, upserts: sum('upserts'), unchanged: sum('unchanged'), skipped: sum('skipped'), errors, failedTasks,
    // the whole run, its status and run rows written: from before its first request to after its last answer
    durationMs: now().getTime() - started.getTime(), writeBackProblem,
  };
}

/** Default F&O entity set → its configuration key. */
function defaultsByValue(): Record<string, string> {
  return Object.fromEntries(Object.entries(FO_ENTITY_SETS).map(([k, v]) => [v, k]));
}
