import type { DemoSeedTable, SeedRecord } from '../types';
import { dataArea, FO, FORECAST_MODEL, LEGAL_ENTITIES } from '../constants';
import { CATEGORY } from './reference';

/**
 * The F&O part of the demo, on top of the F&O emulator's baseline reference data
 * (emulators/finops/model/baseline.ts: legal entities USMF/USSI, currencies USD/EUR/CAD/GBP with EUR and CAD
 * rates to USD but none for GBP, payment terms Net30/2%10Net30/Net45/Net60, customer groups, project types and
 * groups, shared and project categories, number sequences, PSA integration parameters with project-group and
 * billing-type defaults). The baseline is the single source of that reference data; the demo adds:
 * - the demo forecast model `O_forecast` the estimate templates return (templates-spec §6.4/§6.5), plus `Budget`;
 * - category links: Hours, Fee and Airfare carry the PSA GUID as IntegrationId (linked); Hotel stays unlinked
 *   although PSA has a category of that name (the PSA → F&O pass must stamp it, not duplicate it); Meals exists
 *   in F&O only (the F&O → PSA pass creates it in PSA);
 * - one F&O-only customer per company.
 */
const perCompany = (rows: (d: string) => SeedRecord[]): SeedRecord[] => LEGAL_ENTITIES.flatMap((le) => rows(dataArea(le)));

/** F&O terms of payment the contracts value map targets: PSA 1 → Net30, 2 → 2%10Net30, 3 → Net45, 4 → Net60. */
export const FO_PAYMENT_TERMS = { 1: 'Net30', 2: '2%10Net30', 3: 'Net45', 4: 'Net60' } as const;

const forecastModels = perCompany((d) => [
  { dataAreaId: d, ModelId: FORECAST_MODEL, Description: 'Original forecast (demo model the estimate templates use)' },
  { dataAreaId: d, ModelId: 'Budget', Description: 'Budget forecast' },
]);

const cdsCategories = perCompany((d) => [
  { dataAreaId: d, CategoryId: 'Hours', SharedCategory: 'Hours', IntegrationId: CATEGORY.hours },
  { dataAreaId: d, CategoryId: 'Fee', SharedCategory: 'Fee', IntegrationId: CATEGORY.fee },
  { dataAreaId: d, CategoryId: 'Airfare', SharedCategory: 'Travel', IntegrationId: CATEGORY.airfare },
]);

const customers: SeedRecord[] = [
  { dataAreaId: 'usmf', CustomerAccount: 'US-001', OrganizationName: 'Contoso Retail San Diego', CustomerGroupId: '10', SalesCurrencyCode: 'USD', PaymentTerms: 'Net30', PartyType: 'Organization', AddressCity: 'San Diego', AddressState: 'CA', AddressCountryRegionId: 'USA' },
  { dataAreaId: 'ussi', CustomerAccount: 'US-101', OrganizationName: 'Contoso Retail Seattle', CustomerGroupId: '10', SalesCurrencyCode: 'USD', PaymentTerms: 'Net30', PartyType: 'Organization', AddressCity: 'Seattle', AddressState: 'WA', AddressCountryRegionId: 'USA' },
];

export const finopsTables: DemoSeedTable[] = [
  { entitySet: FO.forecastModels, records: forecastModels },
  { entitySet: FO.cdsCategories, records: cdsCategories },
  { entitySet: FO.customers, records: customers },
];
