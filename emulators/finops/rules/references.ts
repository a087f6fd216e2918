import type { EntityDef, Row } from '../model/types';
import { isBlank } from '../model/values';
import { infolog, type RuleContext } from './context';
import { REFERENCES } from './reference-table';

/**
 * Rule: every reference field names an existing record (customer on a contract, contract on a project,
 * project on a task/line/estimate/actual, task, category, forecast model, currency, terms of payment).
 * Returns the F&O Infolog text of the first failure, or undefined.
 */
export function checkReferences(ctx: RuleContext, entity: EntityDef, row: Row): string | undefined {
  for (const ref of REFERENCES[entity.set] ?? []) {
    const label = entity.fields.find((f) => f.name === ref.field)?.label ?? ref.field;
    const value = row[ref.field];
    if (isBlank(value)) {
      if (ref.required) return infolog(`Field '${label}' must be filled in.`, `validateField failed on field '${entity.type}Entity.${ref.field}'.`);
      continue;
    }
    const company =
      ref.company === 'global' ? undefined : ref.company === 'project' && !isBlank(row.ProjectDataAreaId) ? String(row.ProjectDataAreaId).toLowerCase() : String(row.dataAreaId);
    const found =
      ref.by === 'lookup'
        ? ctx.find(ref.target, company, ref.targetField, String(value)) !== undefined
        : ctx.exists(ref.target, company === undefined ? { [ref.targetField]: value } : { dataAreaId: company, [ref.targetField]: value });
    if (!found) {
      const where = company ? ` in company '${company}'` : '';
      return infolog(
        `The value '${String(value)}' in field '${label}' is not found in the related table '${ref.table}'${where}.`,
        `validateField failed on field '${entity.type}Entity.${ref.field}'.`,
      );
    }
  }
  return undefined;
}
