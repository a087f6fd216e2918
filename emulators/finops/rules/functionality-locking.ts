import type { Row } from '../model/types';
import { PSA_INTEGRATION_SOURCE } from '../constants';
import { infolog, type Caller } from './context';

/**
 * Rule (templates-spec §11): for projects and contracts that originated from PSA (SourceDataID =
 * the parameters' integration source, "Project Service Automation"), F&O locks editing, deleting and
 * WBS changes for everyone but the integration application, when the matching lock is on.
 * Accounting fields stay editable: the financial dimensions (`DefaultDimension`,
 * `DefaultDimensionDisplayValue`); the contract entity exposes no accounting field, so it has none.
 */
export const ACCOUNTING_FIELDS: Record<string, readonly string[]> = {
  ProjCDSProjects: ['DefaultDimension', 'DefaultDimensionDisplayValue'],
  ProjCDSProjectContracts: [],
};

const LOCK_FLAG: Record<string, string> = {
  ProjCDSProjects: 'LockProjectEdit',
  ProjCDSProjectContracts: 'LockContractEdit',
  ProjCDSTasks: 'LockWorkBreakdownStructure',
};

export function isPsaOriginated(record: Row, params: Row | undefined): boolean {
  const source = String(params?.IntegrationSource || PSA_INTEGRATION_SOURCE).toLowerCase();
  return String(record.SourceDataID ?? '').toLowerCase() === source;
}

/**
 * @param set the entity set written; @param origin the project or contract the write touches
 * (for tasks: the task's project); @param changed field names of a PATCH (undefined for create/delete).
 */
export function lockingViolation(
  set: string,
  origin: Row | undefined,
  changed: string[] | undefined,
  params: Row | undefined,
  caller: Caller,
): string | undefined {
  const flag = LOCK_FLAG[set];
  if (!flag || !origin || caller.isIntegration) return undefined;
  if (params?.[flag] !== 'Yes' || !isPsaOriginated(origin, params)) return undefined;
  const allowed = ACCOUNTING_FIELDS[set] ?? [];
  if (changed && changed.length > 0 && changed.every((f) => allowed.includes(f))) return undefined;
  const id = String(origin.ProjectID ?? origin.ProjectContractID ?? '');
  const what = set === 'ProjCDSProjectContracts' ? 'Project contract' : 'Project';
  const action = set === 'ProjCDSTasks' ? 'Its work breakdown structure cannot be changed' : 'It cannot be changed';
  const extra = allowed.length > 0 ? ` Only accounting fields (${allowed.join(', ')}) can be edited.` : '';
  return infolog(
    `${what} '${id}' originates from ${PSA_INTEGRATION_SOURCE}. ${action} in Finance and Operations because functionality locking (${flag}) is on in Project Service Automation integration parameters.${extra}`,
  );
}
