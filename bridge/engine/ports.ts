import type { LookupDef, TaskDef } from '../templates/types';

export type Rec = Readonly<Record<string, unknown>>;

export interface SourcePage {
  readonly rows: readonly Rec[];
  readonly deleted: readonly string[];
  /** On the last page of a Dataverse change read: the token for the next run. */
  readonly deltaToken?: string;
}

export interface FoWriteOp {
  readonly method: 'POST' | 'PATCH';
  readonly entitySet: string;
  readonly key: Rec;
  readonly payload: Rec;
  /** Fields F&O fills itself after the create (the task's `filledByFinOps`): a PATCH leaves them out. */
  readonly filledByFinOps?: readonly string[];
}

export type FoWriteResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'duplicate' | 'notFound' | 'validation' | 'throttled' | 'auth' | 'server'; readonly status: number; readonly message: string };

/** A cross-company read of an F&O→PSA task's source (filter: the whole `$filter`, built by the engine). */
export interface FoRead {
  readonly task: TaskDef;
  readonly entitySet: string;
  readonly filter?: string;
  readonly select?: readonly string[];
  readonly orderBy?: string;
  readonly top?: number;
}

/** What the engine needs from the two services (adapters in engine/adapters.ts; fakes in unit tests). */
export interface EnginePorts {
  /** Dataverse changes of a task's source since `deltaToken` (full read when absent). */
  readChanges(task: TaskDef, deltaToken: string | undefined): AsyncIterable<SourcePage>;
  /** First change page of several tasks in one request (incremental runs); results in order. */
  probeChanges(requests: readonly { task: TaskDef; deltaToken: string }[]): Promise<(SourcePage & { readonly nextLink?: string })[]>;
  /** Dataverse records of a task's source by id (retry list). */
  readByIds(task: TaskDef, ids: readonly string[]): Promise<Rec[]>;
  /** F&O rows of a task's source, cross-company (F&O→PSA templates; no change tracking); from `nextLink` when given. */
  readFinOps(read: FoRead, nextLink?: string): AsyncIterable<SourcePage>;
  /** First F&O page of several reads in one request (optional; without it each task reads alone). */
  readFinOpsFirstPages?(reads: readonly FoRead[]): Promise<(SourcePage & { readonly nextLink?: string })[]>;
  /**
   * Start of a run in one request (optional; without it probeChanges and readAll): the first change
   * page of every task with a saved token and the whole small tables the run maps with.
   */
  probeRun?(requests: readonly { task: TaskDef; deltaToken: string }[], tables: readonly { entitySet: string; select: readonly string[] }[]): Promise<{ pages: (SourcePage & { readonly nextLink?: string })[]; tables: Rec[][] }>;
  /** Dataverse lookup targets by id, several lookup tables in one request; results per request. */
  resolveLookups(requests: readonly { def: LookupDef; ids: readonly string[] }[]): Promise<Rec[][]>;
  /** A whole (small) Dataverse table: currencies, transaction categories. */
  readAll(entitySet: string, select: readonly string[]): Promise<Rec[]>;
  /** One F&O $batch, one changeset per operation; results in order. */
  writeFinOps(ops: readonly FoWriteOp[]): Promise<FoWriteResult[]>;
  /** Dataverse UpsertMultiple on one table (one transaction). */
  upsertMultiple(entitySet: string, logicalName: string, targets: readonly Rec[]): Promise<void>;
  /** Several UpsertMultiple calls in one Dataverse $batch request (status and run rows at the end of a run). */
  upsertMultipleBatch(groups: readonly { entitySet: string; logicalName: string; targets: readonly Rec[] }[]): Promise<void>;
}
