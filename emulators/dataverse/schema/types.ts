/**
 * Table definitions of the Dataverse emulator as typed data. One `TableDefinition` per table: the
 * names the Web API exposes (logical name = CSDL EntityType name, entity set name = URL segment),
 * the primary id / name attributes, the columns with their types, lookups with their navigation
 * property names and targets, alternate keys and whether change tracking is enabled.
 */
export type AttributeType =
  | 'uniqueidentifier'
  | 'string'
  | 'memo'
  | 'integer'
  | 'bigint'
  | 'decimal'
  | 'double'
  | 'money'
  | 'boolean'
  | 'datetime'
  | 'dateonly'
  | 'picklist'
  | 'state'
  | 'status'
  | 'lookup'
  | 'owner'
  | 'customer';

export interface OptionDefinition {
  value: number;
  label: string;
}

export interface AttributeDefinition {
  /** Column logical name (lower case), e.g. `msdyn_subject`. */
  name: string;
  type: AttributeType;
  /** Maximum length for string/memo columns (Dataverse default 100 / 2000). */
  maxLength?: number;
  /** Option values of picklist/state/status columns. */
  options?: OptionDefinition[];
  /** Target table logical names of lookup/owner/customer columns. */
  targets?: string[];
  /**
   * Single-valued navigation property name per target. Defaults to the column name for a lookup
   * with one target and to `<column>_<target>` for polymorphic lookups.
   */
  navigation?: Record<string, string>;
  /**
   * One-to-many relationship schema name per target: the collection-valued navigation property the
   * target table gets (`environmentvariabledefinition_environmentvariablevalue`). Defaults in
   * `relationshipName` (schema/relationships.ts).
   */
  relationship?: Record<string, string>;
  /** Value the service sets on create when the client sends none (PSA auto-numbers). */
  autoNumber?: AutoNumberDefinition;
  /** Set by the service only (createdon, versionnumber, ...): writes are ignored. */
  readOnly?: boolean;
  /** Required on create (ApplicationRequired). */
  required?: boolean;
  /** Inclusive numeric range. */
  minValue?: number;
  maxValue?: number;
  displayName?: string;
}

/** `PRJ-01000-XXXXXX`: prefix, an incrementing number (zero padded to 5), a random 6-character suffix. */
export interface AutoNumberDefinition {
  prefix: string;
  seed: number;
}

export interface AlternateKeyDefinition {
  /** Key schema name, e.g. `psafo_syncstatus_record_key`. */
  name: string;
  /** Column logical names (lookups by column name; addressed in URLs as `_x_value`). */
  attributes: string[];
}

export interface TableDefinition {
  logicalName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute?: string;
  displayName?: string;
  attributes: AttributeDefinition[];
  alternateKeys?: AlternateKeyDefinition[];
  changeTracking?: boolean;
  /**
   * CSDL key property when it differs from the primary id (`systemuser` inherits `ownerid` from
   * `principal`): the URL form `systemusers(systemuserid=...)` is then not a valid key.
   */
  csdlKeyProperty?: string;
  /** `UserOwned` tables get ownerid/owninguser/owningbusinessunit columns. */
  ownership?: 'UserOwned' | 'OrganizationOwned' | 'None';
}
