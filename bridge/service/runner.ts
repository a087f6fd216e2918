import type { Logger } from 'pino';
import type { Config } from '../config';
import { runSync, type EnginePorts, type RunSummary } from '../engine';
import type { RunTrigger, Store } from '../store';
import { dataverseSources, enabledTemplates } from '../templates/sources';
import type { ClaimedItem, ExecutorRunner } from './executor';

const TRIGGER_RANK: Record<RunTrigger, number> = { SyncNow: 3, Manual: 2, Live: 1, Schedule: 0 };

/** The Dataverse tasks that read each table (`msdyn_project` → projects task, ...). */
export function tasksByEntity(config: Config): Map<string, string[]> {
  return new Map(dataverseSources(enabledTemplates(config.templates)).map((s) => [s.entity, s.tasks]));
}

/**
 * Runs the engine for the executor. A batch of queued records becomes one incremental run in
 * which those records are read again even if Dataverse reports no change for them (they go on the
 * store's retry list), so that Sync now always re-evaluates the record and what depends on it.
 */
export function engineRunner(deps: { config: Config; store: Store; ports: EnginePorts; logger: Logger; onRun?: (s: RunSummary) => void }): ExecutorRunner {
  const byEntity = tasksByEntity(deps.config);
  const run = async (trigger: RunTrigger) => {
    const summary = await runSync({ config: deps.config, store: deps.store, ports: deps.ports, logger: deps.logger }, { trigger });
    deps.onRun?.(summary);
    return summary;
  };
  return {
    async syncRecords(items: readonly ClaimedItem[]) {
      const entries = items.flatMap((item) => (byEntity.get(item.entity) ?? []).map((task) => ({ task, sourceId: item.id, reason: `${item.trigger} request` })));
      if (entries.length > 0) deps.store.retry.add(entries);
      const trigger = items.reduce<RunTrigger>((best, i) => (TRIGGER_RANK[i.trigger] > TRIGGER_RANK[best] ? i.trigger : best), 'Schedule');
      await run(trigger);
    },
    async catchUp() {
      await run('Schedule');
    },
  };
}
