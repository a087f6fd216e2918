import type { Row } from '../model/types';
import { isBlank } from '../model/values';
import { infolog, type RuleContext } from './context';

/**
 * Rule (templates-spec §10): a new project without a project type gets the parameters' default project
 * type, and without a project group the group of the "Project group defaults" row for its type.
 * `given` is the client's body (what it set explicitly). Returns the fields to set, or an Infolog error
 * when the parameters are not set up.
 */
export function projectDefaults(ctx: RuleContext, project: Row, given: Row): { set: Row } | { error: string } {
  const company = String(project.dataAreaId);
  const params = ctx.parameters(company);
  const set: Row = {};
  let type = project.ProjectType;
  if (isBlank(given.ProjectType)) {
    const def = params?.DefaultProjectType;
    if (isBlank(def)) {
      return { error: infolog(`Default project type must be set in Project Service Automation integration parameters for company '${company}'.`) };
    }
    type = def;
    set.ProjectType = def;
  }
  if (isBlank(given.ProjectGroup)) {
    const row = ctx.get('ProjCDSProjectGroupDefaults', { dataAreaId: company, ProjectType: type });
    if (!row || isBlank(row.ProjectGroup)) {
      return { error: infolog(`No project group default is set up for project type '${String(type)}' in Project Service Automation integration parameters for company '${company}'.`) };
    }
    set.ProjectGroup = row.ProjectGroup;
  }
  return { set };
}
