import type { EntityDef, Row } from '../model/types';
import { infolog, type RuleContext } from './context';

/** Rule: a company-specific row must belong to an existing legal entity (`dataAreaId`). */
export function checkLegalEntity(ctx: RuleContext, entity: EntityDef, row: Row): string | undefined {
  if (!entity.companySpecific) return undefined;
  const company = String(row.dataAreaId ?? '');
  if (ctx.exists('LegalEntities', { LegalEntityId: company })) return undefined;
  return infolog(`Company '${company}' does not exist. Use one of the legal entities of /data/LegalEntities.`);
}
