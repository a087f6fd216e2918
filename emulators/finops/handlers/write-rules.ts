import { finopsErrors } from '../errors';
import type { EntityDef, Row } from '../model/types';
import { isBlank, keyString } from '../model/values';
import { checkLegalEntity } from '../rules/legal-entity';
import { checkReferences } from '../rules/references';
import { checkStringLengths } from '../rules/string-lengths';
import { lockingViolation } from '../rules/functionality-locking';
import { projectUpdateForContractLine } from '../rules/contract-line-billing';
import type { RuleContext } from '../rules/context';
import type { HandlerContext } from './types';

/** Runs the validation rules on a complete row; throws the F&O write exception of the first failure. */
export function validateRow(rules: RuleContext, entity: EntityDef, row: Row): void {
  const failure = checkLegalEntity(rules, entity, row) ?? checkStringLengths(entity, row) ?? checkReferences(rules, entity, row);
  if (failure) throw finopsErrors.validation(entity.type, failure);
}

/** The project or contract whose functionality locking governs a write to `entity` (tasks: their project). */
export function lockOrigin(rules: RuleContext, entity: EntityDef, row: Row): Row | undefined {
  if (entity.set === 'ProjCDSProjects' || entity.set === 'ProjCDSProjectContracts') return row;
  if (entity.set === 'ProjCDSTasks' && !isBlank(row.ProjectId)) return rules.get('ProjCDSProjects', { dataAreaId: row.dataAreaId, ProjectID: row.ProjectId });
  return undefined;
}

export function enforceLocking(ctx: HandlerContext, rules: RuleContext, entity: EntityDef, row: Row, changed: string[] | undefined): void {
  const origin = lockOrigin(rules, entity, row);
  if (!origin) return;
  const violation = lockingViolation(entity.set, origin, changed, rules.parameters(String(row.dataAreaId)), ctx.caller);
  if (violation) throw finopsErrors.validation(entity.type, violation);
}

/** After a contract line is written: its billing method may change its project's type and group. */
export function afterContractLineWrite(ctx: HandlerContext, rules: RuleContext, entity: EntityDef, line: Row): void {
  if (entity.set !== 'ProjCDSContractLineImports') return;
  const projects = ctx.registry.require('ProjCDSProjects');
  const key = keyString(projects, { dataAreaId: line.dataAreaId, ProjectID: line.ProjectId });
  const project = ctx.store.get(projects.set, key);
  if (!project) return;
  const change = projectUpdateForContractLine(rules, line, project.data);
  if (change) ctx.store.update(projects.set, key, { ...project.data, ...change });
}
