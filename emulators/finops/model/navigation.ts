/**
 * Navigation properties for one-level `$expand` (F&O supports the first level only, protocols.md §2.2).
 * Microsoft publishes no navigation names for the ProjCDS* entities: these are the emulator's, each joining
 * on business keys within the row's company. Also declared in `$metadata`.
 */
export interface NavDef {
  name: string;
  target: string;
  collection: boolean;
  /** Pairs of [field on this entity, field on the target]. */
  on: Array<[string, string]>;
}

const single = (name: string, target: string, on: Array<[string, string]>): NavDef => ({ name, target, collection: false, on });
const many = (name: string, target: string, on: Array<[string, string]>): NavDef => ({ name, target, collection: true, on });

export const NAVIGATION: Record<string, NavDef[]> = {
  ProjCDSProjectContracts: [
    single('Customer', 'CustomersV3', [['CustomerAccount', 'CustomerAccount']]),
    many('Projects', 'ProjCDSProjects', [['ProjectContractID', 'ProjectContractID']]),
    many('ContractLines', 'ProjCDSContractLineImports', [['ProjectContractID', 'ContractId']]),
  ],
  ProjCDSProjects: [
    single('ProjectContract', 'ProjCDSProjectContracts', [['ProjectContractID', 'ProjectContractID']]),
    single('Customer', 'CustomersV3', [['CustomerAccount', 'CustomerAccount']]),
    many('Tasks', 'ProjCDSTasks', [['ProjectID', 'ProjectId']]),
  ],
  ProjCDSContractLineImports: [
    single('Project', 'ProjCDSProjects', [['ProjectId', 'ProjectID']]),
    single('ProjectContract', 'ProjCDSProjectContracts', [['ContractId', 'ProjectContractID']]),
    many('Milestones', 'ProjCDSContractLineMilestoneImports', [['TransactionId', 'ContractLineRef']]),
  ],
  ProjCDSContractLineMilestoneImports: [single('ContractLine', 'ProjCDSContractLineImports', [['ContractLineRef', 'TransactionId']])],
  ProjCDSTasks: [single('Project', 'ProjCDSProjects', [['ProjectId', 'ProjectID']])],
  ProjCDSEstimateHours: [single('Project', 'ProjCDSProjects', [['ProjectId', 'ProjectID']]), single('ProjectTask', 'ProjCDSTasks', [['TaskId', 'Task']])],
  ProjCDSEstimateExpensesImports: [single('Project', 'ProjCDSProjects', [['ProjectId', 'ProjectID']])],
  ProjCDSActualsImports: [
    single('Project', 'ProjCDSProjects', [['ProjectId', 'ProjectID']]),
    many('JournalLines', 'ProjCDSIntegrationJournalLines', [['ActualId', 'ActualId']]),
  ],
  ProjCDSIntegrationJournals: [many('Lines', 'ProjCDSIntegrationJournalLines', [['JournalId', 'JournalId']])],
};

export function navigationOf(set: string, name: string): NavDef | undefined {
  return NAVIGATION[set]?.find((n) => n.name === name);
}
