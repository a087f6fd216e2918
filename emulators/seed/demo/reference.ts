import { SANDBOX_APP_OBJECT_ID } from '../../identity/constants';
import type { SeedRecord } from '../types';
import { bind, demoId } from '../ids';
import { BILLING_TYPE, DV } from '../constants';

/** Demo reference rows on the Dataverse side: currencies, users, organizational units, transaction categories. */
export const CURRENCY = { USD: demoId('currency', 1), EUR: demoId('currency', 2), GBP: demoId('currency', 3) } as const;
/** Dataverse exchange rates: units of the currency per one unit of the base currency (USD). */
export const EXCHANGE_RATE = { USD: 1, EUR: 0.92, GBP: 0.79 } as const;

export const currencies: SeedRecord[] = [
  { transactioncurrencyid: CURRENCY.USD, isocurrencycode: 'USD', currencyname: 'US Dollar', currencysymbol: '$', exchangerate: 1, currencyprecision: 2 },
  { transactioncurrencyid: CURRENCY.EUR, isocurrencycode: 'EUR', currencyname: 'Euro', currencysymbol: '€', exchangerate: EXCHANGE_RATE.EUR, currencyprecision: 2 },
  // F&O has no GBP → USD rate: the GBP actual is skipped by Import from staging (templates-spec §6.7).
  { transactioncurrencyid: CURRENCY.GBP, isocurrencycode: 'GBP', currencyname: 'Pound Sterling', currencysymbol: '£', exchangerate: EXCHANGE_RATE.GBP, currencyprecision: 2 },
];

export const USER = {
  alice: demoId('user', 1), bob: demoId('user', 2), carla: demoId('user', 3), emil: demoId('user', 4), sync: demoId('user', 5),
} as const;

export const users: SeedRecord[] = [
  { systemuserid: USER.alice, fullname: 'Alice Morgan', firstname: 'Alice', lastname: 'Morgan', internalemailaddress: 'alice@contoso.example', domainname: 'alice@contoso.example', accessmode: 0, isdisabled: false },
  { systemuserid: USER.bob, fullname: 'Bob Kelly', firstname: 'Bob', lastname: 'Kelly', internalemailaddress: 'bob@contoso.example', domainname: 'bob@contoso.example', accessmode: 0, isdisabled: false },
  { systemuserid: USER.carla, fullname: 'Carla Ruiz', firstname: 'Carla', lastname: 'Ruiz', internalemailaddress: 'carla@contoso.example', domainname: 'carla@contoso.example', accessmode: 0, isdisabled: false },
  { systemuserid: USER.emil, fullname: 'Emil Bauer', firstname: 'Emil', lastname: 'Bauer', internalemailaddress: 'emil@contoso.example', domainname: 'emil@contoso.example', accessmode: 0, isdisabled: false },
  // The application user of the sandbox app (S2S needs one, protocols.md §1.17).
  { systemuserid: USER.sync, fullname: '# psa-fo-sync', firstname: '#', lastname: 'psa-fo-sync', domainname: 'psafo-sandbox@sandbox', azureactivedirectoryobjectid: SANDBOX_APP_OBJECT_ID, accessmode: 4, isdisabled: false },
];

export const ORG_UNIT = { global: demoId('orgUnit', 1), us: demoId('orgUnit', 2), europe: demoId('orgUnit', 3) } as const;

export const orgUnits: SeedRecord[] = [
  { msdyn_organizationalunitid: ORG_UNIT.global, msdyn_name: 'Contoso Global', msdyn_description: 'Maps to legal entity USMF', 'msdyn_currency@odata.bind': bind(DV.currencies, CURRENCY.USD) },
  { msdyn_organizationalunitid: ORG_UNIT.us, msdyn_name: 'Contoso US', msdyn_description: 'Maps to legal entity USSI', 'msdyn_currency@odata.bind': bind(DV.currencies, CURRENCY.USD) },
  { msdyn_organizationalunitid: ORG_UNIT.europe, msdyn_name: 'Contoso Europe', msdyn_description: 'Maps to no legal entity: filtered out', 'msdyn_currency@odata.bind': bind(DV.currencies, CURRENCY.EUR) },
];

/**
 * Transaction categories. Categories are mastered in F&O: Hours, Airfare and Fee exist on both sides and are
 * linked (F&O IntegrationId = PSA GUID); Hotel exists on both sides with the same name but is not linked yet
 * (the PSA → F&O pass must stamp it, not duplicate it); Meals exists only in F&O (the F&O → PSA pass creates it).
 */
export const CATEGORY = {
  hours: demoId('category', 1), airfare: demoId('category', 2), fee: demoId('category', 3), hotel: demoId('category', 4),
} as const;

export const categories: SeedRecord[] = [
  { msdyn_transactioncategoryid: CATEGORY.hours, msdyn_name: 'Hours', msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_description: 'Consulting hours' },
  { msdyn_transactioncategoryid: CATEGORY.airfare, msdyn_name: 'Airfare', msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_description: 'Flights' },
  { msdyn_transactioncategoryid: CATEGORY.fee, msdyn_name: 'Fee', msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_description: 'Fixed fees' },
  { msdyn_transactioncategoryid: CATEGORY.hotel, msdyn_name: 'Hotel', msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_description: 'Lodging' },
];
