import type { Logger } from 'pino';
import type { Store } from '../store';
import type { TaskDef } from '../templates/types';
import type { TaskTally } from './counts';
import type { EnginePorts, Rec, SourcePage } from './ports';
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
  /** The task's first change page, already read by the run's probe (incremental runs). */
  readonly firstPage?: SourcePage & { readonly nextLink?: string };
  /** Configured destination/source entity set of an F&O side. */
  entitySetOf(task: TaskDef): string;
  onDryRunWrite?(w: DryRunWrite): void;
  onProgress?(task: TaskDef, tally: TaskTally): void;
}
