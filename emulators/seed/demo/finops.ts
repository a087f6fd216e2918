import type { DemoSeedTable, SeedRecord } from '../types';
import { dataArea, FO, FORECAST_MODEL, INTEGRATION_SOURCE, LEGAL_ENTITIES } from '../constants';
import { CATEGORY } from './reference';

/**
 * F&O reference data for the demo (templates-spec §10, issue 3 item 2): legal entities USMF and USSI,
 * currencies and exchange rates, payment terms, customer groups, project types and groups, shared and project
 * categories (categories are mastered in F&O), forecast model O_forecast, number sequences, the PSA integration
 * parameters with project-group and billing-type defaults, and one F&O-only customer per company.
 *
 * Exchange rates: EUR↔USD exist from 2026-01-01 only, so a EUR actual dated before that has no rate (the
 * "missing exchange rate skips the actual" rule).
 */
const perCompany = (rows: (le: string) => SeedRecord[]): SeedRecord[] => LEGAL_ENTITIES.flatMap((le) => rows(dataArea(le)));

const legalEntities: SeedRecord[] = [
  { LegalEntityId: 'USMF', Name: 'Contoso Entertainment System USA', AccountingCurrency: 'USD', AddressCountryRegionId: 'USA' },
  { LegalEntityId: 'USSI', Name: 'Contoso Software Solutions Inc.', AccountingCurrency: 'USD', AddressCountryRegionId: 'USA' },
];

const currencies: SeedRecord[] = [
  { CurrencyCode: 'USD', Name: 'US Dollar', Symbol: '$' },
  { CurrencyCode: 'EUR', Name: 'Euro', Symbol: '€' },
];

const exchangeRates: SeedRecord[] = [
  { RateTypeName: 'Default', FromCurrency: 'EUR', ToCurrency: 'USD', StartDate: '2026-01-01T00:00:00Z', EndDate: '2026-12-31T00:00:00Z', Rate: 1.087, ConversionFactor: 1 },
  { RateTypeName: 'Default', FromCurrency: 'USD', ToCurrency: 'EUR', StartDate: '2026-01-01T00:00:00Z', EndDate: '2026-12-31T00:00:00Z', Rate: 0.92, ConversionFactor: 1 },
];

/** F&O terms of payment the contracts value map targets: PSA 1 → Net30, 2 → 2%10Net30, 3 → Net45, 4 → Net60. */
export const FO_PAYMENT_TERMS = { 1: 'Net30', 2: '2%10Net30', 3: 'Net45', 4: 'Net60' } as const;

const paymentTerms = perCompany((d) => [
  { dataAreaId: d, Name: 'Net30', Description: 'Net 30 days', NumberOfDays: 30, CashDiscountPercentage: 0 },
  { dataAreaId: d, Name: '2%10Net30', Description: '2% 10 days, net 30 days', NumberOfDays: 30, CashDiscountPercentage: 2 },
  { dataAreaId: d, Name: 'Net45', Description: 'Net 45 days', NumberOfDays: 45, CashDiscountPercentage: 0 },
  { dataAreaId: d, Name: 'Net60', Description: 'Net 60 days', NumberOfDays: 60, CashDiscountPercentage: 0 },
]);

const customerGroups = perCompany((d) => [
  { dataAreaId: d, CustomerGroupId: '10', Description: 'Wholesale customers', PaymentTermId: 'Net30' },
  { dataAreaId: d, CustomerGroupId: '20', Description: 'Project customers', PaymentTermId: 'Net30' },
  { dataAreaId: d, CustomerGroupId: '90', Description: 'Intercompany', PaymentTermId: 'Net30' },
]);

const projectTypes: SeedRecord[] = [
  { ProjectType: 'TimeMaterial', Description: 'Time and material' },
  { ProjectType: 'FixedPrice', Description: 'Fixed price' },
  { ProjectType: 'Internal', Description: 'Internal' },
  { ProjectType: 'Cost', Description: 'Cost project' },
  { ProjectType: 'Investment', Description: 'Investment' },
  { ProjectType: 'Time', Description: 'Time' },
];

const projectGroups = perCompany((d) => [
  { dataAreaId: d, ProjectGroupId: 'TM', Name: 'Time and material projects', ProjectType: 'TimeMaterial' },
  { dataAreaId: d, ProjectGroupId: 'FP', Name: 'Fixed-price projects', ProjectType: 'FixedPrice' },
  { dataAreaId: d, ProjectGroupId: 'INT', Name: 'Internal projects', ProjectType: 'Internal' },
]);

const sharedCategories: SeedRecord[] = [
  { SharedCategoryId: 'Hours', Name: 'Hours', TransactionType: 'Hour' },
  { SharedCategoryId: 'Travel', Name: 'Travel', TransactionType: 'Expense' },
  { SharedCategoryId: 'Hotel', Name: 'Hotel', TransactionType: 'Expense' },
  { SharedCategoryId: 'Meals', Name: 'Meals', TransactionType: 'Expense' },
  { SharedCategoryId: 'Fee', Name: 'Fee', TransactionType: 'Fee' },
];

const projectCategories = perCompany((d) => [
  { dataAreaId: d, CategoryId: 'Hours', CategoryName: 'Consulting hours', CategoryGroupId: 'Hour', TransactionType: 'Hour', SharedCategoryId: 'Hours' },
  { dataAreaId: d, CategoryId: 'Travel', CategoryName: 'Travel', CategoryGroupId: 'Expense', TransactionType: 'Expense', SharedCategoryId: 'Travel' },
  { dataAreaId: d, CategoryId: 'Hotel', CategoryName: 'Hotel', CategoryGroupId: 'Expense', TransactionType: 'Expense', SharedCategoryId: 'Hotel' },
  { dataAreaId: d, CategoryId: 'Meals', CategoryName: 'Meals', CategoryGroupId: 'Expense', TransactionType: 'Expense', SharedCategoryId: 'Meals' },
  { dataAreaId: d, CategoryId: 'Fee', CategoryName: 'Fees', CategoryGroupId: 'Fee', TransactionType: 'Fee', SharedCategoryId: 'Fee' },
]);

/** The integration entity for categories: Hours/Travel/Fee linked to PSA, Hotel not yet linked, Meals F&O-only. */
const cdsCategories = perCompany((d) => [
  { dataAreaId: d, CategoryId: 'Hours', SharedCategory: 'Hours', IntegrationId: CATEGORY.hours },
  { dataAreaId: d, CategoryId: 'Travel', SharedCategory: 'Travel', IntegrationId: CATEGORY.travel },
  { dataAreaId: d, CategoryId: 'Fee', SharedCategory: 'Fee', IntegrationId: CATEGORY.fee },
  { dataAreaId: d, CategoryId: 'Hotel', SharedCategory: 'Hotel', IntegrationId: '' },
  { dataAreaId: d, CategoryId: 'Meals', SharedCategory: 'Meals', IntegrationId: '' },
]);

const forecastModels = perCompany((d) => [
  { dataAreaId: d, ModelId: FORECAST_MODEL, Description: 'Original forecast (demo model the estimate templates use)' },
  { dataAreaId: d, ModelId: 'Budget', Description: 'Budget forecast' },
]);

const numberSequences = perCompany((d) => [
  { dataAreaId: d, NumberSequenceCode: 'Proj_Voucher', Format: `${d.toUpperCase()}-PV-######`, NextNumber: 1, Description: 'Project journal vouchers' },
  { dataAreaId: d, NumberSequenceCode: 'Proj_Journal', Format: `${d.toUpperCase()}-PJ-######`, NextNumber: 1, Description: 'Project journals' },
]);

const parameters = perCompany((d) => [{
  dataAreaId: d, DefaultProjectType: 'TimeMaterial', TimeCategory: 'Hours', FeeCategory: 'Fee', IntegrationSource: INTEGRATION_SOURCE,
  LockProjectEdit: 'No', LockContractEdit: 'No', LockWorkBreakdownStructure: 'No', LockTimesheetEntry: 'No',
}]);

const projectGroupDefaults = perCompany((d) => [
  { dataAreaId: d, ProjectType: 'TimeMaterial', ProjectGroup: 'TM' },
  { dataAreaId: d, ProjectType: 'FixedPrice', ProjectGroup: 'FP' },
]);

const billingTypeDefaults = perCompany((d) => [
  { dataAreaId: d, BillingType: 'Chargeable', LineProperty: 'Billable' },
  { dataAreaId: d, BillingType: 'NonChargeable', LineProperty: 'NonBill' },
  { dataAreaId: d, BillingType: 'Complimentary', LineProperty: 'Compl' },
  { dataAreaId: d, BillingType: 'NotAvailable', LineProperty: 'NonBill' },
]);

const customers: SeedRecord[] = [
  { dataAreaId: 'usmf', CustomerAccount: 'US-001', OrganizationName: 'Contoso Retail San Diego', CustomerGroupId: '10', SalesCurrencyCode: 'USD', PaymentTerms: 'Net30', PartyType: 'Organization', AddressCity: 'San Diego', AddressState: 'CA', AddressCountryRegionId: 'USA' },
  { dataAreaId: 'ussi', CustomerAccount: 'US-101', OrganizationName: 'Contoso Retail Seattle', CustomerGroupId: '10', SalesCurrencyCode: 'USD', PaymentTerms: 'Net30', PartyType: 'Organization', AddressCity: 'Seattle', AddressState: 'WA', AddressCountryRegionId: 'USA' },
];

export const finopsTables: DemoSeedTable[] = [
  { entitySet: FO.legalEntities, records: legalEntities },
  { entitySet: FO.currencies, records: currencies },
  { entitySet: FO.exchangeRates, records: exchangeRates },
  { entitySet: FO.paymentTerms, records: paymentTerms },
  { entitySet: FO.customerGroups, records: customerGroups },
  { entitySet: FO.projectTypes, records: projectTypes },
  { entitySet: FO.projectGroups, records: projectGroups },
  { entitySet: FO.sharedCategories, records: sharedCategories },
  { entitySet: FO.projectCategories, records: projectCategories },
  { entitySet: FO.cdsCategories, records: cdsCategories },
  { entitySet: FO.forecastModels, records: forecastModels },
  { entitySet: FO.numberSequences, records: numberSequences },
  { entitySet: FO.parameters, records: parameters },
  { entitySet: FO.projectGroupDefaults, records: projectGroupDefaults },
  { entitySet: FO.billingTypeDefaults, records: billingTypeDefaults },
  { entitySet: FO.customers, records: customers },
];
