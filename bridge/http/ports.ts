/**
 * What the HTTP layer needs from the rest of the bridge. Routes only translate between HTTP and
 * these ports; the queue, the store and the engine implement them.
 */
export type SyncTrigger = 'Schedule' | 'SyncNow' | 'Live' | 'Manual';

export interface SyncRequestItem {
  entity: string;
  id: string;
  trigger: SyncTrigger;
  /** Higher runs first: Sync now jumps ahead of live and scheduled work. */
  priority: number;
  /** Dataverse request id of the delivery, so that a retried delivery is queued once. */
  deliveryId?: string;
  correlationId: string;
}

export interface SyncQueuePort {
  /** Resolves only once the items are durably stored. */
  enqueue(items: SyncRequestItem[]): Promise<{ queued: number; duplicates: number }>;
}

export interface StatusView {
  entity: string;
  id: string;
  state: 'Queued' | 'Synced' | 'Error' | 'Skipped' | 'NotSynced';
  finopsKey?: string;
  legalEntity?: string;
  message?: string;
  lastSyncedOn?: string;
  lastAttemptOn?: string;
  runId?: string;
}

export interface RunSummaryView {
  id: string;
  trigger: SyncTrigger;
  state: string;
  startedOn: string;
  endedOn?: string;
  upserts: number;
  skipped: number;
  errors: number;
}

export interface AdminPorts {
  status(entity: string, id: string): Promise<StatusView | undefined>;
  listRuns(limit: number): Promise<RunSummaryView[]>;
  getRun(id: string): Promise<(RunSummaryView & { records?: unknown[] }) | undefined>;
  retryFailed(id: string): Promise<{ queued: number } | undefined>;
}

export interface ReadinessPort {
  check(): Promise<{ ok: boolean; checks: Record<string, { ok: boolean; message?: string }> }>;
}

/** A record the landing page links to in the app host. */
export interface LandingRecord { id: string; name: string; number?: string }

/** The sandbox landing page's reads (no secrets: names, ids, F&O rows of the demo); the runs come from AdminPorts. */
export interface LandingPort {
  /** Dataverse environment URL: the app host serves `{dataverse}/main.aspx`. */
  readonly dataverseUrl: string;
  demoRecords(): Promise<{ projects: LandingRecord[]; contracts: LandingRecord[] }>;
  /** The F&O entity sets the templates read or write (the only ones `/finops/<set>` shows). */
  finOpsEntitySets(): readonly string[];
  finOpsRows(entitySet: string, top: number): Promise<Record<string, unknown>[]>;
}
