import type { EntityDef, FieldDef } from './types';
import { INTEGRATION_ENTITIES } from './entities-integration';
import { REFERENCE_ENTITIES } from './entities-reference';
import { JOURNAL_ENTITIES } from './entities-journal';

/** Every entity set the emulator serves, looked up by its (case-sensitive) public collection name. */
export class EntityRegistry {
  private readonly bySet = new Map<string, EntityDef>();
  private readonly fieldMaps = new Map<string, Map<string, FieldDef>>();

  constructor(readonly entities: EntityDef[] = [...INTEGRATION_ENTITIES, ...REFERENCE_ENTITIES, ...JOURNAL_ENTITIES]) {
    for (const e of entities) {
      this.bySet.set(e.set, e);
      this.fieldMaps.set(e.set, new Map(e.fields.map((f) => [f.name, f])));
    }
  }

  entity(set: string): EntityDef | undefined {
    return this.bySet.get(set);
  }

  require(set: string): EntityDef {
    const e = this.bySet.get(set);
    if (!e) throw new Error(`Entity set ${set} is not defined`);
    return e;
  }

  field(set: string, name: string): FieldDef | undefined {
    return this.fieldMaps.get(set)?.get(name);
  }
}
