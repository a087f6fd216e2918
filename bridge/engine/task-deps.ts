import type { Logger } from 'pino';
import type { Store } from '../store';
import type { TaskDef, TaskId } from '../templates/types';
import type { TaskTally } from './counts';
import type { WrittenKeys } from './fo-scope';
import type { EnginePorts, FoRead, Rec, SourcePage } from './ports';
import type { StatusCollector } from './status';
import type { ContextDeps } from './task-context';

/** A write the dry run would have made, field by field. */
export interface DryRunWrite {
  readonly task: string;
  readonly sourceId: string;
  readonly method: 'POST' | 'PATCH' | 'UpsertMultiple';
  readonly entitySet: string;
  readonly key: Rec;
  readonly payload: Rec;
}

/** Everything one task run needs; built by run.ts. */
export interface TaskRunDeps extends ContextDeps {
  readonly runId: string;
  readonly ports: EnginePorts;
  readonly store: Store;
  readonly logger: Logger;
  readonly status: StatusCollector;
  readonly batchSize: number;
  readonly parallelism: number;
  readonly full: boolean;
  readonly dryRun: boolean;
  /** The task's change read from its saved token, started by the run before the task (started-read.ts). */
  readonly startedRead?: AsyncIterable<SourcePage>;
  /** The task's first change page, already read by the run's probe (incremental runs). */
  readonly firstPage?: SourcePage & { readonly nextLink?: string };
  /** F&O→PSA: the task's main read (its filter from the saved watermark on). */
  readonly foRead?: FoRead;
  /** F&O→PSA: the watermark to save when the task ends without errors (learnt with the run's first F&O reads). */
  readonly nextWatermark?: number;
  /** F&O→PSA: ids the tasks that others are scoped to read in this run ('many': more than fit a filter). */
  readonly linkedIds?: Map<TaskId, Set<string> | 'many'>;
  /** PSA→F&O: the F&O keys each task wrote in the run (a prefetched F&O page without them stays valid). */
  readonly writtenKeys?: WrittenKeys;
  /** F&O→PSA: the tasks of the run that other tasks are scoped to (they collect the ids they read). */
  readonly scopeTargets?: ReadonlySet<TaskId>;
  /** The source table of a task of this configuration (where its results are filed). */
  sourceEntityOf(task: string): string | undefined;
  /** Configured destination/source entity set of an F&O side. */
  entitySetOf(task: TaskDef): string;
  /** Called once the task has read its last change page (its writes may still be in flight). */
  onReadDone?(): void;
  onDryRunWrite?(w: DryRunWrite): void;
  onProgress?(task: TaskDef, tally: TaskTally): void;
}
