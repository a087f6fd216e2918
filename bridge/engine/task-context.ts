import type { MapContext, MapSettings, ParentState } from '../templates/context';
import type { TaskDef, TaskId } from '../templates/types';
import type { ValueMaps } from '../templates/value-maps';
import type { Store } from '../store';
import type { LookupCache } from './lookup-cache';

/** The MapContext of a task, with the parents of a page's records looked up together before the page is mapped. */
export interface TaskMapContext extends MapContext {
  prefetchParents(rows: readonly Readonly<Record<string, unknown>>[]): void;
}

/** Fewer new parents than this in a page are looked up one by one; more go in queries of PREFETCH_CHUNK ids. */
const PREFETCH_MIN = 50;
const PREFETCH_CHUNK = 500;

export interface ContextDeps {
  readonly settings: MapSettings;
  readonly valueMaps: ValueMaps;
  readonly store: Store;
  readonly lookups: LookupCache;
  readonly currencies: ReadonlyMap<string, string>;
  /** PSA transaction category name → id (F&O→PSA categories). */
  readonly categoriesByName: ReadonlyMap<string, string>;
  /** Tasks that take part in this configuration: a parent of another task is 'untracked'. */
  readonly trackedTasks: ReadonlySet<TaskId>;
  /** Dry run: records that would have been written count as present parents. */
  readonly dryRunWritten?: ReadonlyMap<string, string | null>;
}

/**
 * The MapContext of one task: lookups from the run's cache, parents and reverse keys from the key map.
 * A parent's state is remembered for the task (many children share a few parents): a written parent
 * stays written, and a parent of another task, which ran before this one, stays missing; a missing
 * parent of the task itself is asked again (it may come later in the task).
 */
export function taskContext(task: TaskDef, d: ContextDeps): TaskMapContext {
  // parent task → parent id → state: looked up by the row's own id string (no key text built per lookup)
  const knownParents = new Map<TaskId, Map<string, ParentState>>();
  const known = (parentTask: TaskId): Map<string, ParentState> => {
    let m = knownParents.get(parentTask);
    if (!m) {
      m = new Map();
      knownParents.set(parentTask, m);
    }
    return m;
  };
  const dryWritten = (parentTask: TaskId, id: string): string | null | undefined => d.dryRunWritten?.get(`${parentTask}|${id}`);
  return {
    prefetchParents: (rows) => {
      for (const p of task.parents) {
        if (!d.trackedTasks.has(p.task)) continue;
        const states = known(p.task);
        const ids = new Set<string>();
        for (const row of rows) {
          const id = row[p.attribute];
          if (typeof id === 'string' && id !== '' && !states.has(id)) ids.add(id);
        }
        // a few new parents (a page of actuals over a few projects) are asked one by one as before
        if (ids.size < PREFETCH_MIN) continue;
        const list = [...ids];
        for (let i = 0; i < list.length; i += PREFETCH_CHUNK) {
          const chunk = list.slice(i, i + PREFETCH_CHUNK);
          const written = d.store.keyMap.writtenCompanies(p.task, chunk);
          for (const id of chunk) {
            const company = written.get(id);
            if (company !== undefined) states.set(id, { legalEntity: company });
            // as parent() below: a missing parent of another task stays missing (that task ran before)
            else if (p.task !== task.id && dryWritten(p.task, id) === undefined) states.set(id, 'missing');
          }
        }
      }
    },
    settings: d.settings,
    valueMaps: d.valueMaps,
    lookup: (name, id) => d.lookups.get(task, name, id),
    parent: (parentTask, id): ParentState => {
      if (!d.trackedTasks.has(parentTask)) return 'untracked';
      const states = known(parentTask);
      const state = states.get(id);
      if (state) return state;
      const company = d.store.keyMap.writtenCompany(parentTask, id);
      if (company !== undefined) {
        const written = { legalEntity: company };
        states.set(id, written);
        return written;
      }
      const dry = dryWritten(parentTask, id);
      if (dry !== undefined) return { legalEntity: dry };
      if (parentTask !== task.id) states.set(id, 'missing');
      return 'missing';
    },
    projectIdByNumber: (n) => d.store.keyMap.byKeyField('projects', 'ProjectID', n)?.sourceId,
    currencyIdByCode: (c) => d.currencies.get(c),
    categoryIdByName: (n) => d.categoriesByName.get(n.toLowerCase()),
  };
}
