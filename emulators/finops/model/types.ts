/** Entity model of the F&O emulator: what an entity set holds, how it is keyed and written. */
export type FieldType = 'string' | 'int' | 'int64' | 'decimal' | 'datetime' | 'enum';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** String length as the F&O extended data type has it. */
  maxLength?: number;
  /** For `enum` fields: the enum type name (namespace Microsoft.Dynamics.DataEntities). */
  enumType?: string;
  /** Set by the emulator only (journal flags, vouchers); a client body may not write it. */
  readOnly?: boolean;
  /** Human label used in F&O-shaped messages ("Project name"). */
  label?: string;
}

/**
 * `rw`: create/update/delete; `patch`: update only (parameters); `delete`: read and delete only (unposted
 * journal lines); `read`: read-only reference or emulator-only data.
 */
export type Writability = 'rw' | 'patch' | 'delete' | 'read';

export interface EntityDef {
  /** Public collection name, the URL segment (`ProjCDSProjects`). */
  set: string;
  /** Public entity name, the EntityType name (`ProjCDSProject`). */
  type: string;
  /** Label used in messages, as the F&O table label reads ("Project contract"). */
  label: string;
  /** Entity key in order; company-specific entities start with `dataAreaId`. */
  keys: string[];
  companySpecific: boolean;
  writable: Writability;
  fields: FieldDef[];
  /** Emulator-only entity set (Microsoft publishes no such public entity). */
  emulatorOnly?: boolean;
}

export type Row = Record<string, unknown>;
