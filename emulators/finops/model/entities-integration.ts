import type { EntityDef } from './types';
import { DATA_AREA_ID, date, dec, enm, guid, int, int64, readOnly, str } from './fields';

/**
 * The PSA integration entities (templates-spec §6, attribute lists from the CDM entity schemas).
 * String lengths are those of the F&O extended data types the fields use (ProjId 20, Name 60,
 * Description 60 on WBS/forecast lines, CurrencyCode 3, CustAccount 20, PaymentTermId 10, ProjGroupId 10,
 * CategoryId 10); fields that hold PSA GUIDs are 36. See emulators/README.md.
 */
export const CUSTOMERS_V3: EntityDef = {
  set: 'CustomersV3', type: 'CustomerV3', label: 'Customers', keys: ['dataAreaId', 'CustomerAccount'],
  companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, str('CustomerAccount', 20, 'Customer account'), str('OrganizationName', 100, 'Organization name'),
    str('NameAlias', 20, 'Search name'), enm('PartyType', 'DirPartyType', 'Party type'), str('PartyNumber', 40, 'Party number'),
    str('CustomerGroupId', 10, 'Customer group'), str('SalesCurrencyCode', 3, 'Currency'), str('PaymentTerms', 10, 'Terms of payment'),
    str('InvoiceAccount', 20, 'Invoice account'), dec('CreditLimit', 'Credit limit'), str('LanguageId', 7, 'Language'),
    str('SiteId', 10, 'Site'), str('WarehouseId', 10, 'Warehouse'), str('DeliveryTerms', 10, 'Delivery terms'),
    str('DeliveryMode', 10, 'Mode of delivery'), str('AddressDescription', 60, 'Address name'), str('AddressStreet', 250, 'Street'),
    str('AddressCity', 60, 'City'), str('AddressState', 10, 'State'), str('AddressZipCode', 10, 'ZIP/postal code'),
    str('AddressCountryRegionId', 10, 'Country/region'), str('PrimaryContactEmail', 255, 'Email'),
    str('PrimaryContactPhone', 255, 'Telephone'), str('PrimaryContactFax', 255, 'Fax'), str('PrimaryContactURL', 255, 'Internet address'),
  ],
};

export const PROJECT_CONTRACTS: EntityDef = {
  set: 'ProjCDSProjectContracts', type: 'ProjCDSProjectContract', label: 'Project contract',
  keys: ['dataAreaId', 'ProjectContractID'], companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, str('ProjectContractID', 20, 'Project contract ID'), str('CustomerAccount', 20, 'Customer account'),
    str('Name', 60, 'Name'), str('CurrencyCode', 3, 'Currency'), dec('ExchangeRate', 'Exchange rate'),
    str('PaymentTerms', 10, 'Terms of payment'), str('CustomerReference', 60, 'Customer reference'),
    str('SourceDataID', 60, 'Integration source'), date('AddressValidFrom'), date('AddressValidTo'),
    str('AddressDescription', 60, 'Address name'), str('AddressCity', 60, 'City'), str('AddressZipCode', 10, 'ZIP/postal code'),
    str('AddressStreet', 250, 'Street'), str('AddressLine1', 250, 'Address line 1'), str('AddressLine2', 250, 'Address line 2'),
    str('AddressState', 10, 'State'), str('AddressCountryRegionId', 10, 'Country/region'),
    str('InvoiceLocation', 20, 'Invoice location'), str('PartyNumber', 40, 'Party number'),
  ],
};

export const PROJECTS: EntityDef = {
  set: 'ProjCDSProjects', type: 'ProjCDSProject', label: 'Project', keys: ['dataAreaId', 'ProjectID'],
  companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, str('ProjectID', 20, 'Project ID'), str('CustomerAccount', 20, 'Customer account'),
    str('ProjectName', 60, 'Project name'), str('ProjectGroup', 10, 'Project group'), str('ProjectContractID', 20, 'Project contract ID'),
    enm('ProjectType', 'ProjType', 'Project type'), enm('ProjectStatus', 'ProjStatus', 'Project stage'),
    date('ProjectedStartDate'), date('ProjectedEndDate'), date('StartDate'), date('EndDate'),
    str('ParentId', 20, 'Parent project'), str('Description', 1000, 'Description'),
    str('ProjectManagerPersonnelNumber', 25, 'Project manager'), str('SourceDataID', 60, 'Integration source'),
    int64('DefaultDimension', 'Financial dimensions'), str('DefaultDimensionDisplayValue', 500, 'Financial dimensions'),
  ],
};

export const CONTRACT_LINES: EntityDef = {
  set: 'ProjCDSContractLineImports', type: 'ProjCDSContractLineImport', label: 'Project contract line',
  keys: ['dataAreaId', 'TransactionId'], companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('TransactionId', 'Transaction ID'), str('ContractId', 20, 'Project contract ID'),
    int('ContractLine', 'Contract line'), enm('Type', 'ProjType', 'Billing method'), str('Description', 1000, 'Description'),
    str('ProjectId', 20, 'Project ID'), str('ForecastInvoiceFrequency', 10, 'Invoice frequency'),
  ],
};

export const CONTRACT_LINE_MILESTONES: EntityDef = {
  set: 'ProjCDSContractLineMilestoneImports', type: 'ProjCDSContractLineMilestoneImport', label: 'Project contract line milestone',
  keys: ['dataAreaId', 'TransactionId'], companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('TransactionId', 'Transaction ID'), guid('ContractLineRef', 'Contract line'),
    date('InvoiceDate', 'Invoice date'), str('Description', 60, 'Description'), str('CurrencyId', 3, 'Currency'), dec('Amount', 'Amount'),
  ],
};

export const TASKS: EntityDef = {
  set: 'ProjCDSTasks', type: 'ProjCDSTask', label: 'Project task', keys: ['dataAreaId', 'Task'],
  companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('Task', 'Task'), guid('ParentTask', 'Parent task'), str('WorkBreakdownStructureID', 50, 'WBS ID'),
    str('ProjectId', 20, 'Project ID'), str('Name', 60, 'Name'),
  ],
};

export const CATEGORIES: EntityDef = {
  set: 'ProjCDSCategories', type: 'ProjCDSCategory', label: 'Project categories', keys: ['dataAreaId', 'CategoryId'],
  companySpecific: true, writable: 'rw',
  fields: [DATA_AREA_ID, str('CategoryId', 10, 'Category'), str('SharedCategory', 20, 'Shared category'), guid('IntegrationId', 'Integration ID')],
};

export const ESTIMATE_HOURS: EntityDef = {
  set: 'ProjCDSEstimateHours', type: 'ProjCDSEstimateHour', label: 'Hour forecast', keys: ['dataAreaId', 'TaskId'],
  companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('TaskId', 'Task'), str('Description', 60, 'Description'), str('ProjectId', 20, 'Project ID'),
    str('SalesCurrency', 3, 'Sales currency'), dec('ExchangeRate'), dec('PlannedCostAmount'), dec('PlannedSalesAmount'),
    dec('Duration', 'Hours'), str('ForecastModel', 10, 'Forecast model'), date('StartDate'),
  ],
};

export const ESTIMATE_EXPENSES: EntityDef = {
  set: 'ProjCDSEstimateExpensesImports', type: 'ProjCDSEstimateExpensesImport', label: 'Expense forecast',
  keys: ['dataAreaId', 'EstimateLineId'], companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('EstimateLineId', 'Estimate line'), guid('TaskId', 'Task'), str('ProjectId', 20, 'Project ID'),
    dec('ExchangeRate'), str('Description', 60, 'Description'), dec('Price'), dec('Quantity'), str('CurrencyId', 3, 'Currency'),
    str('ModelId', 10, 'Forecast model'), enm('TransType', 'ProjCdsTransType', 'Transaction type'), date('DocumentDate'),
    enm('BillingType', 'ProjBillingType', 'Billing type'), guid('TransactionCategory', 'Category'),
  ],
};

export const TRANSACTION_RELATIONSHIPS: EntityDef = {
  set: 'ProjCDSTransactionRelationshipImports', type: 'ProjCDSTransactionRelationshipImport', label: 'Project transaction relationship',
  keys: ['dataAreaId', 'ConnectionId'], companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('ConnectionId', 'Connection'), guid('Transaction1Id'), int('Transaction1Role'), str('Transaction1Type', 100),
    guid('Transaction2Id'), int('Transaction2Role'), str('Transaction2Type', 100),
  ],
};

export const ACTUALS: EntityDef = {
  set: 'ProjCDSActualsImports', type: 'ProjCDSActualsImport', label: 'Project actuals staging',
  keys: ['dataAreaId', 'ActualId'], companySpecific: true, writable: 'rw',
  fields: [
    DATA_AREA_ID, guid('ActualId', 'Actual'), readOnly(int64('ActualsImportId')), date('AccountingDate'), int('AdjustmentStatus'),
    dec('Amount'), dec('AmountMST'), int('BillingStatusId'), enm('BillingType', 'ProjBillingType', 'Billing type'),
    str('ContractId', 20, 'Project contract ID'), guid('ContractLine'), guid('ContractingUnit'), str('Description', 1000, 'Description'),
    date('DocumentDate'), date('EndDate'), date('ExchangeRateDate'), dec('ExchangeRate'), str('ExternalDescription', 1000),
    str('ExternalReference', 100, 'External reference'), str('InvoiceId', 20), readOnly(enm('IsJournalized', 'NoYes')),
    guid('OwningBusinessId'), guid('OwningUser'), str('ProjectId', 20, 'Project ID'), dec('Quantity'), int('Status'), int('StatusReason'),
    date('StartDate'), guid('TaskId', 'Task'), int('TransactionClassification', 'Transaction classification'),
    guid('TransactionCategory', 'Category'), str('TransactionCurrencyId', 3, 'Currency'), str('UnitOfMeasure', 10),
    enm('TransType', 'ProjCdsTransType', 'Transaction type'), dec('UnitPrice'), dec('UnitPriceMST'), guid('ResourceId'),
    guid('ResourceOperationUnitId'), readOnly(str('Voucher', 20, 'Voucher')), str('ProjectDataAreaId', 4, 'Project company'),
    readOnly(enm('IsDuplicate', 'NoYes')),
  ],
};

export const INTEGRATION_ENTITIES: EntityDef[] = [
  CUSTOMERS_V3, PROJECT_CONTRACTS, PROJECTS, CONTRACT_LINES, CONTRACT_LINE_MILESTONES, TASKS, CATEGORIES,
  ESTIMATE_HOURS, ESTIMATE_EXPENSES, TRANSACTION_RELATIONSHIPS, ACTUALS,
];
