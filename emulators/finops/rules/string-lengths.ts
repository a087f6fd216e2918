import type { EntityDef, Row } from '../model/types';
import { infolog } from './context';

/** Rule: string values fit the field's F&O string size; the Infolog names field, length and maximum. */
export function checkStringLengths(entity: EntityDef, row: Row): string | undefined {
  for (const f of entity.fields) {
    if (f.type !== 'string' || f.maxLength === undefined) continue;
    const v = row[f.name];
    if (typeof v === 'string' && v.length > f.maxLength) {
      return infolog(
        `The value '${v.length > 40 ? `${v.slice(0, 40)}…` : v}' in field '${f.label ?? f.name}' is too long: ${v.length} characters, the maximum is ${f.maxLength}.`,
        `validateField failed on field '${entity.type}Entity.${f.name}'.`,
      );
    }
  }
  return undefined;
}
