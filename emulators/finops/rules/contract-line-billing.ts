import type { Row } from '../model/types';
import { isBlank } from '../model/values';
import type { RuleContext } from './context';

/**
 * Rule (templates-spec §6.1): when a contract line's billing method (Type: TimeMaterial / FixedPrice)
 * differs from its project's type, the sync updates the project type and the project group (the
 * "Project group defaults" row of the new type; the group stays when no default exists).
 * Returns the project fields to change, or undefined when nothing changes.
 */
export function projectUpdateForContractLine(ctx: RuleContext, line: Row, project: Row): Row | undefined {
  const type = line.Type;
  if (type !== 'TimeMaterial' && type !== 'FixedPrice') return undefined;
  if (project.ProjectType === type) return undefined;
  const change: Row = { ProjectType: type };
  const def = ctx.get('ProjCDSProjectGroupDefaults', { dataAreaId: project.dataAreaId, ProjectType: type });
  if (def && !isBlank(def.ProjectGroup)) change.ProjectGroup = def.ProjectGroup;
  return change;
}
