/**
 * Which fields of which entity must name an existing record (data, not code: STYLE §3).
 * `company`: `same` = the row's dataAreaId, `global` = shared table, `project` = ProjectDataAreaId when set
 * (intercompany actuals), else the row's dataAreaId. `by` = the looked-up field when it is not the target key.
 * An intercompany actual sits in the resource's company (dataAreaId) but names a project of another legal
 * entity: F&O resolves the project, its contract and its tasks in the project's company (templates-spec §6.6).
 */
export interface ReferenceSpec {
  field: string;
  target: string;
  targetField: string;
  company: 'same' | 'global' | 'project';
  required?: boolean;
  by?: 'lookup';
  /** Label of the related table in the Infolog ("Customers"). */
  table: string;
}

const customer = { target: 'CustomersV3', targetField: 'CustomerAccount', company: 'same', table: 'Customers' } as const;
const contract = { target: 'ProjCDSProjectContracts', targetField: 'ProjectContractID', company: 'same', table: 'Project contracts' } as const;
const project = { target: 'ProjCDSProjects', targetField: 'ProjectID', company: 'same', table: 'Projects' } as const;
const task = { target: 'ProjCDSTasks', targetField: 'Task', company: 'same', table: 'Project tasks' } as const;
const currency = { target: 'Currencies', targetField: 'CurrencyCode', company: 'global', table: 'Currency' } as const;
const terms = { target: 'PaymentTerms', targetField: 'Name', company: 'same', table: 'Terms of payment' } as const;
const model = { target: 'ForecastModels', targetField: 'ModelId', company: 'same', table: 'Forecast models' } as const;
const category = { target: 'ProjCDSCategories', targetField: 'IntegrationId', company: 'same', by: 'lookup', table: 'Project categories' } as const;

export const REFERENCES: Record<string, ReferenceSpec[]> = {
  CustomersV3: [
    { field: 'CustomerGroupId', target: 'CustomerGroups', targetField: 'CustomerGroupId', company: 'same', required: true, table: 'Customer groups' },
    { field: 'SalesCurrencyCode', ...currency },
    { field: 'PaymentTerms', ...terms },
  ],
  ProjCDSProjectContracts: [
    { field: 'CustomerAccount', ...customer, required: true },
    { field: 'CurrencyCode', ...currency, required: true },
    { field: 'PaymentTerms', ...terms },
  ],
  ProjCDSProjects: [
    { field: 'ProjectContractID', ...contract, required: true },
    { field: 'CustomerAccount', ...customer },
    { field: 'ParentId', ...project },
    { field: 'ProjectGroup', target: 'ProjectGroups', targetField: 'ProjectGroupId', company: 'same', table: 'Project groups' },
  ],
  ProjCDSContractLineImports: [
    { field: 'ContractId', ...contract, required: true },
    { field: 'ProjectId', ...project, required: true },
  ],
  ProjCDSContractLineMilestoneImports: [
    { field: 'ContractLineRef', target: 'ProjCDSContractLineImports', targetField: 'TransactionId', company: 'same', required: true, table: 'Project contract lines' },
    { field: 'CurrencyId', ...currency },
  ],
  ProjCDSTasks: [
    { field: 'ProjectId', ...project, required: true },
    { field: 'ParentTask', ...task },
  ],
  ProjCDSCategories: [{ field: 'SharedCategory', target: 'SharedCategories', targetField: 'SharedCategoryId', company: 'global', table: 'Shared categories' }],
  ProjCDSEstimateHours: [
    { field: 'ProjectId', ...project, required: true },
    { field: 'TaskId', ...task, required: true },
    { field: 'ForecastModel', ...model, required: true },
    { field: 'SalesCurrency', ...currency },
  ],
  ProjCDSEstimateExpensesImports: [
    { field: 'ProjectId', ...project, required: true },
    { field: 'TaskId', ...task },
    { field: 'TransactionCategory', ...category },
    { field: 'ModelId', ...model, required: true },
    { field: 'CurrencyId', ...currency },
  ],
  ProjCDSActualsImports: [
    { field: 'ProjectDataAreaId', target: 'LegalEntities', targetField: 'LegalEntityId', company: 'global', table: 'Legal entities' },
    { field: 'ProjectId', ...project, company: 'project', required: true },
    { field: 'TaskId', ...task, company: 'project' },
    { field: 'ContractId', ...contract, company: 'project' },
    { field: 'TransactionCurrencyId', ...currency },
  ],
};
