import type { LookupDef, TaskDef } from '../templates/types';
import type { EnginePorts, Rec } from './ports';

/**
 * Resolved Dataverse lookup targets for the run, keyed by entity set + id. Before a page is mapped,
 * the ids it references that are not cached yet are fetched in one query per lookup (so a page of
 * 5,000 actuals over 100 projects costs one lookup request, and the next page none).
 */
export class LookupCache {
  private readonly cache = new Map<string, Map<string, Rec | null>>();
  private readonly byDef = new WeakMap<LookupDef, Map<string, Rec | null>>();

  constructor(
    private readonly ports: Pick<EnginePorts, 'resolveLookups'>,
    /** Destination key of a record a task wrote (key map), to resolve `LookupDef.keyMap` lookups without a request. */
    private readonly destKeyOf: (task: string, sourceId: string) => Readonly<Record<string, unknown>> | undefined = () => undefined,
    private readonly maxEntries = 200_000,
  ) {}

  async prefetch(task: TaskDef, rows: readonly Rec[]): Promise<void> {
    const wanted: { def: LookupDef; ids: string[] }[] = [];
    const queued = new Map<string, Set<string>>();
    for (const def of Object.values(task.source.lookups ?? {})) {
      const bucket = this.bucket(def);
      const bucketKey = keyOf(def);
      const missing = queued.get(bucketKey) ?? new Set<string>();
      const before = missing.size;
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
      if (missing.size === 0 || (queued.has(bucketKey) && missing.size === before)) continue;
      if (!queued.has(bucketKey)) {
        queued.set(bucketKey, missing);
        wanted.push({ def, ids: [] });
      }
      if (bucket.size + missing.size > this.maxEntries) bucket.clear();
    }
    if (wanted.length === 0) return;
    for (const w of wanted) w.ids = [...(queued.get(keyOf(w.def)) ?? [])];
    const found = await this.ports.resolveLookups(wanted);
    wanted.forEach((w, i) => {
      const bucket = this.bucket(w.def);
      for (const rec of found[i]) bucket.set(String(rec[w.def.idField]), rec);
      for (const id of w.ids) if (!bucket.has(id)) bucket.set(id, null);
    });
  }

  get(task: TaskDef, lookup: string, id: string): Rec | undefined {
    const def = task.source.lookups?.[lookup];
    if (!def) return undefined;
    return this.bucket(def).get(id) ?? undefined;
  }

  private bucket(def: LookupDef): Map<string, Rec | null> {
    // a definition finds its bucket without building its key text (mapping asks several times per record)
    let b = this.byDef.get(def);
    if (b) return b;
    const key = keyOf(def);
    b = this.cache.get(key);
    if (!b) {
      b = new Map();
      this.cache.set(key, b);
    }
    this.byDef.set(def, b);
    return b;
  }
}

function keyOf(def: LookupDef): string {
  return `${def.entitySet}|${def.fields.join(',')}`;
}
