import type { Logger } from 'pino';
import type { TaskDef, TaskId } from '../templates/types';
import type { EnginePorts, Rec, SourcePage } from './ports';

export type ProbedPage = SourcePage & { readonly nextLink?: string };

export interface WholeTable {
  readonly entitySet: string;
  readonly select: readonly string[];
}

/**
 * What a run reads from Dataverse before its first task, in as few requests as the ports allow: the
 * first change page of every task with a saved delta token and the whole small tables the mapping
 * needs. With `probeRun` that is ONE $batch; without it (or when it fails) the tables one by one and
 * the tokens in one probe. A failed probe only means the tasks read their changes themselves.
 */
export async function readRunStart(
  ports: EnginePorts,
  log: Logger,
  probe: readonly { task: TaskDef; deltaToken: string }[],
  tables: readonly WholeTable[],
): Promise<{ firstPages: Map<TaskId, ProbedPage>; tables: Rec[][] }> {
  const firstPages = new Map<TaskId, ProbedPage>();
  if (ports.probeRun && probe.length + tables.length > 1) {
    try {
      const res = await ports.probeRun(probe, tables);
      probe.forEach((p, i) => firstPages.set(p.task.id, res.pages[i]));
      return { firstPages, tables: res.tables };
    } catch (err) {
      log.warn({ err }, 'run probe failed; reading tables and changes separately');
    }
  }
  const rows: Rec[][] = [];
  for (const t of tables) rows.push(await ports.readAll(t.entitySet, t.select));
  if (probe.length > 1) {
    try {
      const pages = await ports.probeChanges(probe);
      probe.forEach((p, i) => firstPages.set(p.task.id, pages[i]));
    } catch (err) {
      log.warn({ err }, 'delta probe failed; the tasks read their changes one by one');
    }
  }
  return { firstPages, tables: rows };
}
