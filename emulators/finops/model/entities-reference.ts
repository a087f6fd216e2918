import type { EntityDef } from './types';
import { DATA_AREA_ID, date, dec, enm, int64, str } from './fields';

/** Read-only reference data per legal entity, and the PSA integration parameters (templates-spec §10). */
export const LEGAL_ENTITIES: EntityDef = {
  set: 'LegalEntities', type: 'LegalEntity', label: 'Legal entities', keys: ['LegalEntityId'], companySpecific: false, writable: 'read',
  fields: [str('LegalEntityId', 4, 'Company'), str('Name', 100, 'Name'), str('AccountingCurrency', 3, 'Accounting currency'), str('AddressCountryRegionId', 10)],
};

export const CURRENCIES: EntityDef = {
  set: 'Currencies', type: 'Currency', label: 'Currency', keys: ['CurrencyCode'], companySpecific: false, writable: 'read',
  fields: [str('CurrencyCode', 3, 'Currency'), str('Name', 60, 'Name'), str('Symbol', 5)],
};

export const EXCHANGE_RATES: EntityDef = {
  set: 'ExchangeRates', type: 'ExchangeRate', label: 'Exchange rates', keys: ['RateTypeName', 'FromCurrency', 'ToCurrency', 'StartDate'],
  companySpecific: false, writable: 'read',
  fields: [str('RateTypeName', 20), str('FromCurrency', 3), str('ToCurrency', 3), date('StartDate'), date('EndDate'), dec('Rate'), dec('ConversionFactor')],
};

export const PAYMENT_TERMS: EntityDef = {
  set: 'PaymentTerms', type: 'PaymentTerm', label: 'Terms of payment', keys: ['dataAreaId', 'Name'], companySpecific: true, writable: 'read',
  fields: [DATA_AREA_ID, str('Name', 10, 'Terms of payment'), str('Description', 60), dec('NumberOfDays'), dec('CashDiscountPercentage')],
};

export const CUSTOMER_GROUPS: EntityDef = {
  set: 'CustomerGroups', type: 'CustomerGroup', label: 'Customer groups', keys: ['dataAreaId', 'CustomerGroupId'], companySpecific: true, writable: 'read',
  fields: [DATA_AREA_ID, str('CustomerGroupId', 10, 'Customer group'), str('Description', 60), str('PaymentTermId', 10)],
};

export const PROJECT_TYPES: EntityDef = {
  set: 'ProjectTypes', type: 'ProjectType', label: 'Project types', keys: ['ProjectType'], companySpecific: false, writable: 'read',
  fields: [enm('ProjectType', 'ProjType', 'Project type'), str('Description', 60)],
};

export const PROJECT_GROUPS: EntityDef = {
  set: 'ProjectGroups', type: 'ProjectGroup', label: 'Project groups', keys: ['dataAreaId', 'ProjectGroupId'], companySpecific: true, writable: 'read',
  fields: [DATA_AREA_ID, str('ProjectGroupId', 10, 'Project group'), str('Name', 60), enm('ProjectType', 'ProjType', 'Project type')],
};

export const SHARED_CATEGORIES: EntityDef = {
  set: 'SharedCategories', type: 'SharedCategory', label: 'Shared categories', keys: ['SharedCategoryId'], companySpecific: false, writable: 'read',
  fields: [str('SharedCategoryId', 20, 'Shared category'), str('Name', 60), enm('TransactionType', 'ProjTransType')],
};

export const PROJECT_CATEGORIES: EntityDef = {
  set: 'ProjectCategories', type: 'ProjectCategory', label: 'Project categories', keys: ['dataAreaId', 'CategoryId'], companySpecific: true, writable: 'read',
  fields: [DATA_AREA_ID, str('CategoryId', 10, 'Category'), str('CategoryName', 60), str('CategoryGroupId', 10), enm('TransactionType', 'ProjTransType'), str('SharedCategoryId', 20)],
};

export const FORECAST_MODELS: EntityDef = {
  set: 'ForecastModels', type: 'ForecastModel', label: 'Forecast models', keys: ['dataAreaId', 'ModelId'], companySpecific: true, writable: 'read',
  fields: [DATA_AREA_ID, str('ModelId', 10, 'Forecast model'), str('Description', 60)],
};

export const NUMBER_SEQUENCES: EntityDef = {
  set: 'NumberSequences', type: 'NumberSequence', label: 'Number sequences', keys: ['dataAreaId', 'NumberSequenceCode'], companySpecific: true, writable: 'read',
  fields: [DATA_AREA_ID, str('NumberSequenceCode', 20), str('Format', 20), int64('NextNumber'), str('Description', 60)],
};

export const INTEGRATION_PARAMETERS: EntityDef = {
  set: 'ProjCDSIntegrationParameters', type: 'ProjCDSIntegrationParameter', label: 'Project Service Automation integration parameters',
  keys: ['dataAreaId'], companySpecific: true, writable: 'patch', emulatorOnly: true,
  fields: [
    DATA_AREA_ID, enm('DefaultProjectType', 'ProjType', 'Default project type'), str('TimeCategory', 10, 'Time category'),
    str('FeeCategory', 10, 'Fee category'), str('IntegrationSource', 60, 'Integration source'),
    enm('LockProjectEdit', 'NoYes'), enm('LockContractEdit', 'NoYes'), enm('LockWorkBreakdownStructure', 'NoYes'), enm('LockTimesheetEntry', 'NoYes'),
  ],
};

export const PROJECT_GROUP_DEFAULTS: EntityDef = {
  set: 'ProjCDSProjectGroupDefaults', type: 'ProjCDSProjectGroupDefault', label: 'Project group defaults',
  keys: ['dataAreaId', 'ProjectType'], companySpecific: true, writable: 'rw', emulatorOnly: true,
  fields: [DATA_AREA_ID, enm('ProjectType', 'ProjType', 'Project type'), str('ProjectGroup', 10, 'Project group')],
};

export const BILLING_TYPE_DEFAULTS: EntityDef = {
  set: 'ProjCDSBillingTypeDefaults', type: 'ProjCDSBillingTypeDefault', label: 'Billing type defaults',
  keys: ['dataAreaId', 'BillingType'], companySpecific: true, writable: 'rw', emulatorOnly: true,
  fields: [DATA_AREA_ID, enm('BillingType', 'ProjBillingType', 'Billing type'), str('LineProperty', 10, 'Line property')],
};

export const REFERENCE_ENTITIES: EntityDef[] = [
  LEGAL_ENTITIES, CURRENCIES, EXCHANGE_RATES, PAYMENT_TERMS, CUSTOMER_GROUPS, PROJECT_TYPES, PROJECT_GROUPS, SHARED_CATEGORIES,
  PROJECT_CATEGORIES, FORECAST_MODELS, NUMBER_SEQUENCES, INTEGRATION_PARAMETERS, PROJECT_GROUP_DEFAULTS, BILLING_TYPE_DEFAULTS,
];
