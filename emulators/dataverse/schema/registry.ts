/**
 * The table registry: compiled table definitions looked up by entity set name or logical name.
 * Compiling adds the system columns every Dataverse table has and indexes the navigation
 * properties (`msdyn_project`, `customerid_account`) and lookup value properties (`_x_value`).
 */
import type { AttributeDefinition, TableDefinition } from './types';
import { OptionSets, datetime, lookup } from './columns';
import { psaTables } from './psa-tables';
import { platformTables } from './platform-tables';
import { relationshipName } from './relationships';
import type { CollectionNavigation } from './relationships';

export type { CollectionNavigation } from './relationships';

export interface NavigationProperty {
  name: string;
  attribute: AttributeDefinition;
  target: string;
}

export interface CompiledTable {
  def: TableDefinition;
  logicalName: string;
  entitySetName: string;
  primaryId: string;
  attributes: Map<string, AttributeDefinition>;
  /** Navigation property name → lookup column + target table. */
  navigation: Map<string, NavigationProperty>;
  /** `_x_value` → lookup column. */
  lookupValues: Map<string, AttributeDefinition>;
  /** Collection-valued navigation property name → the one-to-many relationship (filled by the registry). */
  collections: Map<string, CollectionNavigation>;
}

export const LOOKUP_TYPES = new Set(['lookup', 'owner', 'customer']);

export function isLookup(attr: AttributeDefinition): boolean {
  return LOOKUP_TYPES.has(attr.type);
}

export function lookupValueName(column: string): string {
  return `_${column}_value`;
}

/** Navigation property name for one target of a lookup column. */
export function navigationName(attr: AttributeDefinition, target: string): string {
  const explicit = attr.navigation?.[target];
  if (explicit) return explicit;
  return (attr.targets?.length ?? 0) > 1 ? `${attr.name}_${target}` : attr.name;
}

function systemColumns(def: TableDefinition): AttributeDefinition[] {
  const cols: AttributeDefinition[] = [
    { name: def.primaryIdAttribute, type: 'uniqueidentifier' },
    { ...datetime('createdon'), readOnly: true },
    { ...datetime('modifiedon'), readOnly: true },
    { name: 'versionnumber', type: 'bigint', readOnly: true },
    { name: 'statecode', type: 'state', options: OptionSets.state },
    { name: 'statuscode', type: 'status', options: OptionSets.status },
    { ...lookup('createdby', 'systemuser'), readOnly: true },
    { ...lookup('modifiedby', 'systemuser'), readOnly: true },
  ];
  if ((def.ownership ?? 'UserOwned') === 'UserOwned') {
    cols.push({ name: 'ownerid', type: 'owner', targets: ['systemuser'], navigation: { systemuser: 'ownerid' } });
  }
  return cols;
}

export function compileTable(def: TableDefinition): CompiledTable {
  const attributes = new Map<string, AttributeDefinition>();
  for (const attr of [...systemColumns(def), ...def.attributes]) attributes.set(attr.name, attr);
  const navigation = new Map<string, NavigationProperty>();
  const lookupValues = new Map<string, AttributeDefinition>();
  for (const attr of attributes.values()) {
    if (!isLookup(attr)) continue;
    lookupValues.set(lookupValueName(attr.name), attr);
    for (const target of attr.targets ?? []) navigation.set(navigationName(attr, target), { name: navigationName(attr, target), attribute: attr, target });
  }
  return {
    def, logicalName: def.logicalName, entitySetName: def.entitySetName, primaryId: def.primaryIdAttribute,
    attributes, navigation, lookupValues, collections: new Map(),
  };
}

export class SchemaRegistry {
  private readonly byLogical = new Map<string, CompiledTable>();
  private readonly bySet = new Map<string, CompiledTable>();
  private readonly listeners: Array<(table: CompiledTable) => void> = [];

  constructor(defs: TableDefinition[] = [...psaTables, ...platformTables]) {
    for (const def of defs) this.register(def);
  }

  /** Adds or replaces a table; listeners (the store) create its storage. */
  register(def: TableDefinition): CompiledTable {
    validateDefinition(def);
    const previous = this.byLogical.get(def.logicalName);
    if (previous) this.bySet.delete(previous.entitySetName);
    const table = compileTable(def);
    this.byLogical.set(def.logicalName, table);
    this.bySet.set(def.entitySetName, table);
    this.linkCollections();
    for (const listener of this.listeners) listener(table);
    return table;
  }

  /**
   * Recomputes the collection-valued navigation properties of every table (a table registered at
   * run time can reference, or be referenced by, any other). A name that would shadow a column or a
   * single-valued navigation property of the referenced table, or repeat one, is skipped.
   */
  private linkCollections(): void {
    for (const table of this.byLogical.values()) table.collections.clear();
    for (const child of this.byLogical.values()) {
      for (const attr of child.attributes.values()) {
        if (!isLookup(attr)) continue;
        for (const target of attr.targets ?? []) {
          const parent = this.byLogical.get(target);
          if (!parent) continue;
          const name = relationshipName(child.logicalName, attr, target);
          if (parent.collections.has(name) || parent.navigation.has(name) || parent.attributes.has(name)) continue;
          parent.collections.set(name, {
            name, table: child.logicalName, attribute: attr, partner: navigationName(attr, target), polymorphic: (attr.targets?.length ?? 0) > 1,
          });
        }
      }
    }
  }

  onRegister(listener: (table: CompiledTable) => void): void {
    this.listeners.push(listener);
  }

  byEntitySet(name: string): CompiledTable | undefined {
    return this.bySet.get(name);
  }

  byLogicalName(name: string): CompiledTable | undefined {
    return this.byLogical.get(name);
  }

  tables(): CompiledTable[] {
    return [...this.byLogical.values()];
  }
}

const NAME = /^[a-z][a-z0-9_]*$/;

function validateDefinition(def: TableDefinition): void {
  if (!NAME.test(def.logicalName)) throw new Error(`Table logical name '${def.logicalName}' must be lower case letters, digits and '_'.`);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(def.entitySetName)) throw new Error(`Entity set name '${def.entitySetName}' is not a valid OData identifier.`);
  for (const attr of def.attributes) {
    if (!NAME.test(attr.name)) throw new Error(`Column '${attr.name}' of '${def.logicalName}' must be lower case letters, digits and '_'.`);
  }
  const names = new Set(def.attributes.map((a) => a.name));
  for (const key of def.alternateKeys ?? []) {
    for (const col of key.attributes) {
      if (!names.has(col)) throw new Error(`Alternate key '${key.name}' of '${def.logicalName}' names unknown column '${col}'.`);
    }
  }
}
