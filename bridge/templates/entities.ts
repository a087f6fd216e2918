/** Dataverse entity sets and logical names the templates read or write (named once, STYLE.md §8). */
export const DV = {
  accounts: { set: 'accounts', name: 'account', id: 'accountid' },
  salesorders: { set: 'salesorders', name: 'salesorder', id: 'salesorderid' },
  projects: { set: 'msdyn_projects', name: 'msdyn_project', id: 'msdyn_projectid' },
  salesorderdetails: { set: 'salesorderdetails', name: 'salesorderdetail', id: 'salesorderdetailid' },
  milestones: { set: 'msdyn_contractlinescheduleofvalues', name: 'msdyn_contractlinescheduleofvalue', id: 'msdyn_contractlinescheduleofvalueid' },
  tasks: { set: 'msdyn_projecttasks', name: 'msdyn_projecttask', id: 'msdyn_projecttaskid' },
  categories: { set: 'msdyn_transactioncategories', name: 'msdyn_transactioncategory', id: 'msdyn_transactioncategoryid' },
  connections: { set: 'msdyn_transactionconnections', name: 'msdyn_transactionconnection', id: 'msdyn_transactionconnectionid' },
  estimatelines: { set: 'msdyn_estimatelines', name: 'msdyn_estimateline', id: 'msdyn_estimatelineid' },
  actuals: { set: 'msdyn_actuals', name: 'msdyn_actual', id: 'msdyn_actualid' },
  orgUnits: { set: 'msdyn_organizationalunits', name: 'msdyn_organizationalunit', id: 'msdyn_organizationalunitid' },
  currencies: { set: 'transactioncurrencies', name: 'transactioncurrency', id: 'transactioncurrencyid' },
} as const;

/** Default F&O entity sets (DESIGN §5); configurable under `finops.entitySets`. */
export const FO_ENTITY_SETS = {
  customers: 'CustomersV3',
  contracts: 'ProjCDSProjectContracts',
  projects: 'ProjCDSProjects',
  contractLines: 'ProjCDSContractLineImports',
  milestones: 'ProjCDSContractLineMilestoneImports',
  tasks: 'ProjCDSTasks',
  categories: 'ProjCDSCategories',
  hourEstimates: 'ProjCDSEstimateHours',
  relationships: 'ProjCDSTransactionRelationshipImports',
  expenseEstimates: 'ProjCDSEstimateExpensesImports',
  actuals: 'ProjCDSActualsImports',
} as const;

export type FoEntitySetName = keyof typeof FO_ENTITY_SETS;

/** `SOURCEDATAID` constant of the contract and project tasks (templates-spec §6.1). */
export const SOURCE_DATA_ID = 'Project Service Automation';
