import type { Store } from '../store';
import type { AdminPorts, RunSummaryView, StatusView } from '../http/ports';
import type { RunRow } from '../store';
import { recordSyncState } from '../store/record-state';
import { PRIORITY } from '../http/webhook-context';

/** The admin API's reads and the retry action, over the state store. */
export function adminPorts(store: Store, wake: () => void): AdminPorts {
  return {
    async status(entity, id): Promise<StatusView | undefined> {
      const latest = store.runs.latestFor(entity, id);
      const queued = store.queue.isQueued(entity, id);
      if (!latest && !queued) return undefined;
      const state = recordSyncState({ queued, lastOutcome: latest?.outcome, written: false });
      return {
        entity,
        id,
        state,
        finopsKey: latest?.destKey ?? undefined,
        legalEntity: latest?.legalEntity ?? undefined,
        message: latest?.message ?? undefined,
        lastAttemptOn: latest?.at,
        lastSyncedOn: state === 'Synced' ? latest?.at : undefined,
        runId: latest?.runId,
      };
    },
    async listRuns(limit) {
      return store.runs.list(limit).map(view);
    },
    async getRun(id) {
      const run = store.runs.get(id);
      if (!run) return undefined;
      return { ...view(run), tasks: store.runs.tasks(id), records: store.runs.results(id, 'error') };
    },
    async retryFailed(id) {
      if (!store.runs.get(id)) return undefined;
      const failed = store.runs.results(id, 'error');
      const unique = new Map(failed.map((r) => [`${r.entity}:${r.sourceId}`, r]));
      const result = store.queue.enqueue([...unique.values()].map((r) => ({ entity: r.entity, id: r.sourceId, trigger: 'Manual' as const, priority: PRIORITY.Manual, correlationId: `retry-${id}` })));
      wake();
      return { queued: result.queued + result.duplicates };
    },
  };
}

function view(run: RunRow): RunSummaryView {
  return {
    id: run.id,
    trigger: run.trigger,
    state: run.state,
    startedOn: run.startedAt,
    endedOn: run.endedAt ?? undefined,
    upserts: run.upserts,
    skipped: run.skipped,
    errors: run.errors,
  };
}
