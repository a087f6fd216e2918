import { coerceValue } from '../model/coerce';
import type { EntityRegistry } from '../model/registry';
import type { Row } from '../model/types';
import { keyString } from '../model/values';
import type { FinOpsStore } from '../store/store';
import type { SeedGroup } from '../model/baseline';
import { DEFAULT_COMPANY } from '../constants';

export class SeedError extends Error {
  readonly code = 'FO_SEED_INVALID';
}

/**
 * Loads seed records straight into the store (no business rules: seeds describe a state, not a sequence
 * of user actions). Records are typed like OData bodies; read-only fields may be set; an existing key
 * is overwritten. Runs in one transaction per group; iterables are consumed lazily.
 */
export function loadSeed(store: FinOpsStore, registry: EntityRegistry, groups: Iterable<SeedGroup>): number {
  let count = 0;
  for (const group of groups) {
    const entity = registry.entity(group.entitySet);
    if (!entity) throw new SeedError(`Seed names the entity set '${group.entitySet}', which the F&O emulator does not serve.`);
    const insertAll = () => {
      for (const record of group.records) {
        const row: Row = registry.newRow(entity);
        for (const [name, value] of Object.entries(record)) {
          if (name.includes('@')) continue;
          const f = registry.field(entity.set, name);
          if (!f) throw new SeedError(`Seed record of ${entity.set} has the unknown field '${name}'.`);
          row[name] = coerceValue(f, value);
        }
        if (entity.companySpecific && !row.dataAreaId) row.dataAreaId = DEFAULT_COMPANY;
        const key = keyString(entity, row);
        if (store.get(entity.set, key)) store.update(entity.set, key, row);
        else store.insert(entity.set, key, entity.companySpecific ? String(row.dataAreaId) : '', row);
        count++;
      }
    };
    store.transaction(insertAll);
  }
  return count;
}
