import type { TaskDef } from '../templates/types';
import type { TaskTally } from './counts';
import { readAhead } from './read-ahead';
import { changePages, startTaskToFinOps, type FinOpsTaskRun } from './run-task-to-fo';
import type { TaskRunDeps } from './task-deps';

export type TogetherOutcome = { readonly tally: TaskTally } | { readonly error: unknown };

/**
 * PSA→F&O tasks of one read (one task, or tasks sharing it: shared-reads.ts): each handles its retry list, then every change
 * page goes to each task in turn; the last task's read is used (its probed first page, its token).
 * A task that fails takes no more pages and the others go on, as when tasks run one by one.
 */
export async function runTasksToFinOpsTogether(members: readonly { readonly task: TaskDef; readonly d: TaskRunDeps }[]): Promise<TogetherOutcome[]> {
  const outcomes: (TogetherOutcome | undefined)[] = members.map(() => undefined);
  const runs: (FinOpsTaskRun | undefined)[] = [];
  for (const [i, m] of members.entries()) {
    try {
      runs.push(await startTaskToFinOps(m.task, m.d));
    } catch (error) {
      outcomes[i] = { error };
      runs.push(undefined);
    }
  }
  const reader = members[members.length - 1];
  let deltaToken: string | undefined;
  try {
    for await (const page of readAhead(changePages(reader.d, reader.task, reader.d.full ? undefined : reader.d.store.deltaTokens.get(reader.task.id)))) {
      for (const [i, run] of runs.entries()) {
        if (!run || outcomes[i]) continue;
        try {
          await run.page(page);
        } catch (error) {
          outcomes[i] = { error };
        }
      }
      // no task takes pages any more: the rest of the read is not needed
      if (outcomes.every((o) => o !== undefined)) break;
      if (page.deltaToken) deltaToken = page.deltaToken;
    }
    reader.d.onReadDone?.();
  } catch (error) {
    // the read failed: it fails every task still going
    for (const i of members.keys()) outcomes[i] ??= { error };
  }
  for (const [i, run] of runs.entries()) {
    if (!run || outcomes[i]) continue;
    try {
      outcomes[i] = { tally: await run.finish(deltaToken) };
    } catch (error) {
      outcomes[i] = { error };
    }
  }
  return outcomes as TogetherOutcome[];
}
