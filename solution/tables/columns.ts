import type { DateTimeColumn, IntegerColumn, Localized, MemoColumn, TextColumn } from '../types';

/** Small constructors so the table files read like the DESIGN §4 column lists. */
export function text(schemaName: string, displayName: Localized, description: Localized, maxLength: number, requiredLevel: TextColumn['requiredLevel'] = 'none'): TextColumn {
  return { kind: 'text', schemaName, displayName, description, maxLength, requiredLevel };
}

export function memo(schemaName: string, displayName: Localized, description: Localized, maxLength: number): MemoColumn {
  return { kind: 'memo', schemaName, displayName, description, maxLength };
}

export function count(schemaName: string, displayName: Localized, description: Localized): IntegerColumn {
  return { kind: 'integer', schemaName, displayName, description, min: 0, max: 2147483647 };
}

export function timestamp(schemaName: string, displayName: Localized, description: Localized): DateTimeColumn {
  return { kind: 'datetime', schemaName, displayName, description };
}
