/** Names the seed data uses, named once: Dataverse entity sets and option values, F&O entity sets. */
export const DV = {
  currencies: 'transactioncurrencies',
  users: 'systemusers',
  orgUnits: 'msdyn_organizationalunits',
  accounts: 'accounts',
  categories: 'msdyn_transactioncategories',
  contracts: 'salesorders',
  projects: 'msdyn_projects',
  contractLines: 'salesorderdetails',
  milestones: 'msdyn_contractlinescheduleofvalues',
  tasks: 'msdyn_projecttasks',
  estimateLines: 'msdyn_estimatelines',
  actuals: 'msdyn_actuals',
  connections: 'msdyn_transactionconnections',
} as const;

/** F&O public collection names as the F&O emulator (emulators/finops/model) exposes them. */
export const FO = {
  legalEntities: 'LegalEntities',
  currencies: 'Currencies',
  exchangeRates: 'ExchangeRates',
  paymentTerms: 'PaymentTerms',
  customerGroups: 'CustomerGroups',
  projectTypes: 'ProjectTypes',
  projectGroups: 'ProjectGroups',
  sharedCategories: 'SharedCategories',
  projectCategories: 'ProjectCategories',
  cdsCategories: 'ProjCDSCategories',
  forecastModels: 'ForecastModels',
  numberSequences: 'NumberSequences',
  parameters: 'ProjCDSIntegrationParameters',
  projectGroupDefaults: 'ProjCDSProjectGroupDefaults',
  billingTypeDefaults: 'ProjCDSBillingTypeDefaults',
  customers: 'CustomersV3',
} as const;

/** PSA option values (templates-spec §8). */
export const ORDER_TYPE = { itemBased: 192350000, workBased: 192350001 } as const;
export const BILLING_METHOD = { timeAndMaterial: 192350000, fixedPrice: 192350001 } as const;
export const BILLING_TYPE = { nonChargeable: 192350000, chargeable: 192350001, complimentary: 192350002, notAvailable: 192350003 } as const;
export const TRANSACTION_TYPE = { cost: 192350000, unbilledSales: 192350005 } as const;
export const CLASSIFICATION = { time: 192350000, expense: 192350001, fee: 192350004 } as const;
export const BILLING_STATUS = { unbilledSalesCreated: 192350000 } as const;
export const ADJUSTMENT_STATUS = { unadjustable: 192350002 } as const;
/** `msdyn_transaction1type` / `2type` values: the logical name of the connected table. */
export const CONNECTION_TYPE = { actual: 'msdyn_actual', estimateLine: 'msdyn_estimateline' } as const;

/**
 * Organizational units and the legal entities they belong to (templates-spec §5.4 example: Contoso US → USSI,
 * Contoso Global → USMF). "Contoso Europe" belongs to no legal entity: its contracts and actuals must be
 * filtered out by the org-unit filters.
 */
export const ORG_UNIT_LEGAL_ENTITY: Record<string, string | null> = {
  'Contoso Global': 'USMF',
  'Contoso US': 'USSI',
  'Contoso Europe': null,
};

export const LEGAL_ENTITIES = ['USMF', 'USSI'] as const;
/** F&O stores and returns dataAreaId in lower case. */
export const dataArea = (le: string): string => le.toLowerCase();

export const INTEGRATION_SOURCE = 'Project Service Automation';
export const FORECAST_MODEL = 'O_forecast';
