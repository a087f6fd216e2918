import type { Row } from './types';
import { PSA_INTEGRATION_SOURCE, SEQUENCE } from '../constants';

/**
 * Reference data every emulator instance starts with (also after `reset` and with `--seed none`):
 * legal entities USMF and USSI, currencies and exchange rates (none for GBP, so a GBP actual shows the
 * missing-rate path), payment terms, customer groups, project types and groups, shared and project
 * categories, number sequences and PSA integration parameters (functionality locking off, F&O's default:
 * templates-spec §11; PATCH ProjCDSIntegrationParameters to turn it on). The forecast model
 * `O_forecast` is demo data (templates-spec §6.4): it comes with the `demo` seed, not here.
 */
export interface SeedGroup {
  entitySet: string;
  records: Iterable<Row>;
}

const COMPANIES = ['usmf', 'ussi'];
const perCompany = (rows: Row[]): Row[] => COMPANIES.flatMap((c) => rows.map((r) => ({ dataAreaId: c, ...r })));

export function baselineReferenceData(): SeedGroup[] {
  return [
    {
      entitySet: 'LegalEntities',
      records: [
        { LegalEntityId: 'USMF', Name: 'Contoso Entertainment System USA', AccountingCurrency: 'USD', AddressCountryRegionId: 'USA' },
        { LegalEntityId: 'USSI', Name: 'Contoso Consulting USA', AccountingCurrency: 'USD', AddressCountryRegionId: 'USA' },
      ],
    },
    {
      entitySet: 'Currencies',
      records: [
        { CurrencyCode: 'USD', Name: 'US Dollar', Symbol: '$' },
        { CurrencyCode: 'EUR', Name: 'Euro', Symbol: '€' },
        { CurrencyCode: 'CAD', Name: 'Canadian Dollar', Symbol: '$' },
        { CurrencyCode: 'GBP', Name: 'Pound Sterling', Symbol: '£' },
      ],
    },
    {
      entitySet: 'ExchangeRates',
      records: [
        { RateTypeName: 'Default', FromCurrency: 'EUR', ToCurrency: 'USD', StartDate: '2000-01-01T00:00:00Z', Rate: 1.1, ConversionFactor: 1 },
        { RateTypeName: 'Default', FromCurrency: 'CAD', ToCurrency: 'USD', StartDate: '2000-01-01T00:00:00Z', Rate: 0.74, ConversionFactor: 1 },
      ],
    },
    {
      entitySet: 'PaymentTerms',
      records: perCompany([
        { Name: 'Net30', Description: 'Net 30 days', NumberOfDays: 30 },
        { Name: '2%10Net30', Description: '2% 10 days, net 30 days', NumberOfDays: 30, CashDiscountPercentage: 2 },
        { Name: 'Net45', Description: 'Net 45 days', NumberOfDays: 45 },
        { Name: 'Net60', Description: 'Net 60 days', NumberOfDays: 60 },
      ]),
    },
    {
      entitySet: 'CustomerGroups',
      records: perCompany([
        { CustomerGroupId: '10', Description: 'Wholesale customers', PaymentTermId: 'Net30' },
        { CustomerGroupId: '20', Description: 'Major customers', PaymentTermId: 'Net30' },
        { CustomerGroupId: '30', Description: 'Retail customers', PaymentTermId: 'Net30' },
        { CustomerGroupId: '90', Description: 'Other customers', PaymentTermId: 'Net45' },
      ]),
    },
    {
      entitySet: 'ProjectTypes',
      records: [
        { ProjectType: 'Time', Description: 'Time project' },
        { ProjectType: 'TimeMaterial', Description: 'Time and material' },
        { ProjectType: 'FixedPrice', Description: 'Fixed price' },
        { ProjectType: 'Investment', Description: 'Investment' },
        { ProjectType: 'Cost', Description: 'Cost project' },
        { ProjectType: 'Internal', Description: 'Internal' },
      ],
    },
    {
      entitySet: 'ProjectGroups',
      records: perCompany([
        { ProjectGroupId: 'TM', Name: 'Time and material projects', ProjectType: 'TimeMaterial' },
        { ProjectGroupId: 'FP', Name: 'Fixed price projects', ProjectType: 'FixedPrice' },
        { ProjectGroupId: 'INT', Name: 'Internal projects', ProjectType: 'Internal' },
      ]),
    },
    {
      entitySet: 'SharedCategories',
      records: [
        { SharedCategoryId: 'Hours', Name: 'Hours', TransactionType: 'Hour' },
        { SharedCategoryId: 'Fee', Name: 'Fee', TransactionType: 'Fee' },
        { SharedCategoryId: 'Travel', Name: 'Travel', TransactionType: 'Expense' },
        { SharedCategoryId: 'Meals', Name: 'Meals', TransactionType: 'Expense' },
      ],
    },
    {
      entitySet: 'ProjectCategories',
      records: perCompany([
        { CategoryId: 'Hours', CategoryName: 'Hours', CategoryGroupId: 'Hours', TransactionType: 'Hour', SharedCategoryId: 'Hours' },
        { CategoryId: 'Fee', CategoryName: 'Fee', CategoryGroupId: 'Fee', TransactionType: 'Fee', SharedCategoryId: 'Fee' },
        { CategoryId: 'Airfare', CategoryName: 'Airfare', CategoryGroupId: 'Travel', TransactionType: 'Expense', SharedCategoryId: 'Travel' },
        { CategoryId: 'Hotel', CategoryName: 'Hotel', CategoryGroupId: 'Travel', TransactionType: 'Expense', SharedCategoryId: 'Travel' },
        { CategoryId: 'Meals', CategoryName: 'Meals', CategoryGroupId: 'Meals', TransactionType: 'Expense', SharedCategoryId: 'Meals' },
      ]),
    },
    {
      entitySet: 'ProjCDSCategories',
      records: perCompany([
        { CategoryId: 'Airfare', SharedCategory: 'Travel', IntegrationId: '' },
        { CategoryId: 'Hotel', SharedCategory: 'Travel', IntegrationId: '' },
        { CategoryId: 'Meals', SharedCategory: 'Meals', IntegrationId: '' },
      ]),
    },
    {
      entitySet: 'NumberSequences',
      records: COMPANIES.flatMap((c) => [
        { dataAreaId: c, NumberSequenceCode: SEQUENCE.journal, Format: `${c.toUpperCase()}-PSAJ-######`, NextNumber: 1, Description: 'PSA integration journal' },
        { dataAreaId: c, NumberSequenceCode: SEQUENCE.voucher, Format: `${c.toUpperCase()}-PSAV-######`, NextNumber: 1, Description: 'PSA integration journal vouchers' },
      ]),
    },
    {
      entitySet: 'ProjCDSIntegrationParameters',
      records: perCompany([
        {
          DefaultProjectType: 'TimeMaterial', TimeCategory: 'Hours', FeeCategory: 'Fee', IntegrationSource: PSA_INTEGRATION_SOURCE,
          LockProjectEdit: 'No', LockContractEdit: 'No', LockWorkBreakdownStructure: 'No', LockTimesheetEntry: 'No',
        },
      ]),
    },
    {
      entitySet: 'ProjCDSProjectGroupDefaults',
      records: perCompany([
        { ProjectType: 'TimeMaterial', ProjectGroup: 'TM' },
        { ProjectType: 'FixedPrice', ProjectGroup: 'FP' },
      ]),
    },
    {
      entitySet: 'ProjCDSBillingTypeDefaults',
      records: perCompany([
        { BillingType: 'Chargeable', LineProperty: 'Charge' },
        { BillingType: 'NonChargeable', LineProperty: 'NonCharge' },
        { BillingType: 'Complimentary', LineProperty: 'Compl' },
        { BillingType: 'NotAvailable', LineProperty: 'NotAvail' },
      ]),
    },
  ];
}
