import type { LookupDef, TaskDef } from '../templates/types';
import type { EnginePorts, Rec } from './ports';

/**
 * Resolved Dataverse lookup targets for the run, keyed by entity set + id. Before a page is mapped,
 * the ids it references that are not cached yet are fetched in one query per lookup (so a page of
 * 5,000 actuals over 100 projects costs one lookup request, and the next page none).
 */
export class LookupCache {
  private readonly cache = new Map<string, Map<string, Rec | null>>();

  constructor(
    private readonly ports: Pick<EnginePorts, 'resolveLookups'>,
    /** Destination key of a record a task wrote (key map), to resolve `LookupDef.keyMap` lookups without a request. */
    private readonly destKeyOf: (task: string, sourceId: string) => Readonly<Record<string, unknown>> | undefined = () => undefined,
    private readonly maxEntries = 200_000,
  ) {}

  async prefetch(task: TaskDef, rows: readonly Rec[]): Promise<void> {
    for (const def of Object.values(task.source.lookups ?? {})) {
      const bucket = this.bucket(def);
      const missing = new Set<string>();
      for (const r of rows) {
        const id = r[def.attribute];
        if (typeof id === 'string' && id !== '' && !bucket.has(id)) missing.add(id);
      }
      if (def.keyMap) {
        for (const id of [...missing]) {
          const value = this.destKeyOf(def.keyMap.task, id)?.[def.keyMap.keyField];
          if (value === undefined || value === null) continue;
          bucket.set(id, { [def.idField]: id, [def.fields[0]]: value });
          missing.delete(id);
        }
      }
      if (missing.size === 0) continue;
      if (bucket.size + missing.size > this.maxEntries) bucket.clear();
      const found = await this.ports.resolveLookups(def, [...missing]);
      for (const rec of found) bucket.set(String(rec[def.idField]), rec);
      for (const id of missing) if (!bucket.has(id)) bucket.set(id, null);
    }
  }

  get(task: TaskDef, lookup: string, id: string): Rec | undefined {
    const def = task.source.lookups?.[lookup];
    if (!def) return undefined;
    return this.bucket(def).get(id) ?? undefined;
  }

  private bucket(def: LookupDef): Map<string, Rec | null> {
    const key = `${def.entitySet}|${def.fields.join(',')}`;
    let b = this.cache.get(key);
    if (!b) {
      b = new Map();
      this.cache.set(key, b);
    }
    return b;
  }
}
