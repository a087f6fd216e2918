import type { FieldDef } from './types';

/** Compact field constructors for the entity tables. */
export const str = (name: string, maxLength: number, label?: string): FieldDef => ({ name, type: 'string', maxLength, label });
export const dec = (name: string, label?: string): FieldDef => ({ name, type: 'decimal', label });
export const int = (name: string, label?: string): FieldDef => ({ name, type: 'int', label });
export const int64 = (name: string, label?: string): FieldDef => ({ name, type: 'int64', label });
export const date = (name: string, label?: string): FieldDef => ({ name, type: 'datetime', label });
export const enm = (name: string, enumType: string, label?: string): FieldDef => ({ name, type: 'enum', enumType, label });
export const readOnly = (f: FieldDef): FieldDef => ({ ...f, readOnly: true });

/** `dataAreaId` as F&O has it: 4 characters, stored and returned lower-case. */
export const DATA_AREA_ID = str('dataAreaId', 4, 'Company');
/** A PSA record GUID carried as a string (36 characters). */
export const guid = (name: string, label?: string): FieldDef => str(name, 36, label);
