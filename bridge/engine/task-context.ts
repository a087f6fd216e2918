import type { MapContext, MapSettings, ParentState } from '../templates/context';
import type { TaskDef, TaskId } from '../templates/types';
import type { ValueMaps } from '../templates/value-maps';
import type { Store } from '../store';
import type { LookupCache } from './lookup-cache';

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
export function taskContext(task: TaskDef, d: ContextDeps): MapContext {
  const knownParents = new Map<string, ParentState>();
  return {
    settings: d.settings,
    valueMaps: d.valueMaps,
    lookup: (name, id) => d.lookups.get(task, name, id),
    parent: (parentTask, id): ParentState => {
      if (!d.trackedTasks.has(parentTask)) return 'untracked';
      const cacheKey = `${parentTask}|${id}`;
      const known = knownParents.get(cacheKey);
      if (known) return known;
      const company = d.store.keyMap.writtenCompany(parentTask, id);
      if (company !== undefined) {
        const state = { legalEntity: company };
        knownParents.set(cacheKey, state);
        return state;
      }
      const dry = d.dryRunWritten?.get(cacheKey);
      if (dry !== undefined) return { legalEntity: dry };
      if (parentTask !== task.id) knownParents.set(cacheKey, 'missing');
      return 'missing';
    },
    projectIdByNumber: (n) => d.store.keyMap.byKeyField('projects', 'ProjectID', n)?.sourceId,
    currencyIdByCode: (c) => d.currencies.get(c),
    categoryIdByName: (n) => d.categoriesByName.get(n.toLowerCase()),
  };
}
