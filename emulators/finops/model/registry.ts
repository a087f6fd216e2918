import type { EntityDef, FieldDef, Row } from './types';
import { defaultRow } from './values';
import { INTEGRATION_ENTITIES } from './entities-integration';
import { REFERENCE_ENTITIES } from './entities-reference';
import { JOURNAL_ENTITIES } from './entities-journal';

/** Every entity set the emulator serves, looked up by its (case-sensitive) public collection name. */
export class EntityRegistry {
  private readonly bySet = new Map<string, EntityDef>();
  private readonly fieldMaps = new Map<string, Map<string, FieldDef>>();
  private readonly emptyRows = new Map<string, Row>();

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

  /**
   * A new row with every field of `entity` at F&O's default, in declared order: a copy of one template per
   * entity. The template comes from JSON.parse, whose objects V8 keeps in fast mode, so copying it and
   * writing its fields is cheap (a row built field by field is a slow dictionary object).
   */
  newRow(entity: EntityDef): Row {
    let template = this.emptyRows.get(entity.set);
    if (!template) {
      template = JSON.parse(JSON.stringify(defaultRow(entity))) as Row;
      this.emptyRows.set(entity.set, template);
    }
    return { ...template };
  }

  field(set: string, name: string): FieldDef | undefined {
    return this.fieldMaps.get(set)?.get(name);
  }
}
