import type { SeedRecord } from '../types';
import { bind, demoId } from '../ids';
import { BILLING_METHOD, DV, ORDER_TYPE } from '../constants';
import { CURRENCY, EXCHANGE_RATE, ORG_UNIT } from './reference';

/**
 * Demo customers, contracts (salesorders), contract lines and milestones.
 *
 * | contract | customer | contracting unit (legal entity) | order type | payment terms | lines |
 * |---|---|---|---|---|---|
 * | C1 | Adventure Works | Contoso Global (USMF) | work based | 1 Net 30 | L1 T&M, L2 fixed price (2 milestones) |
 * | C2 | Fabrikam | Contoso US (USSI) | work based | 2 2% 10, Net 30 | L3 T&M |
 * | C3 | Litware (EUR) | Contoso Global (USMF) | work based | 3 Net 45 | L4 fixed price (2 milestones) |
 * | C4 | Northwind | Contoso US (USSI) | **item based**: must not sync | 4 Net 60 | L5 product line, no project |
 * | C5 | Tailspin (EUR) | Contoso Europe (no legal entity): filtered out | work based | 4 Net 60 | L6 T&M |
 * | C6 | Fabrikam | Contoso US (USSI) | work based | none: the value map has nothing to map | L7 T&M |
 */
export const ACCOUNT = {
  adventure: demoId('account', 1), fabrikam: demoId('account', 2), litware: demoId('account', 3),
  northwind: demoId('account', 4), tailspin: demoId('account', 5),
} as const;

export const ACCOUNT_NUMBER = {
  adventure: 'ACC-01000-AWRK01', fabrikam: 'ACC-01001-FBRK02', litware: 'ACC-01002-LTWR03',
  northwind: 'ACC-01003-NWND04', tailspin: 'ACC-01004-TLSP05',
} as const;

const address = (line1: string, city: string, state: string, zip: string, country: string) => ({
  address1_line1: line1, address1_city: city, address1_stateorprovince: state, address1_postalcode: zip, address1_country: country,
});

export const accounts: SeedRecord[] = [
  { accountid: ACCOUNT.adventure, name: 'Adventure Works', accountnumber: ACCOUNT_NUMBER.adventure, paymenttermscode: 1, customertypecode: 3, telephone1: '+1 425 555 0100', emailaddress1: 'ap@adventure-works.example', ...address('1 Microsoft Way', 'Redmond', 'WA', '98052', 'United States'), 'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY.USD) },
  { accountid: ACCOUNT.fabrikam, name: 'Fabrikam, Inc.', accountnumber: ACCOUNT_NUMBER.fabrikam, paymenttermscode: 2, customertypecode: 3, telephone1: '+1 206 555 0101', ...address('200 Pine St', 'Seattle', 'WA', '98101', 'United States'), 'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY.USD) },
  { accountid: ACCOUNT.litware, name: 'Litware GmbH', accountnumber: ACCOUNT_NUMBER.litware, paymenttermscode: 3, customertypecode: 3, ...address('Hauptstrasse 5', 'Berlin', 'BE', '10115', 'Germany'), 'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY.EUR) },
  { accountid: ACCOUNT.northwind, name: 'Northwind Traders', accountnumber: ACCOUNT_NUMBER.northwind, paymenttermscode: 4, customertypecode: 3, ...address('12 Harbor Rd', 'Portland', 'OR', '97201', 'United States'), 'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY.USD) },
  // No payment terms: the unmapped case for the accounts and contracts value maps.
  { accountid: ACCOUNT.tailspin, name: 'Tailspin Toys B.V.', accountnumber: ACCOUNT_NUMBER.tailspin, customertypecode: 3, ...address('Keizersgracht 10', 'Amsterdam', 'NH', '1015', 'Netherlands'), 'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY.EUR) },
];

export const CONTRACT = {
  c1: demoId('contract', 1), c2: demoId('contract', 2), c3: demoId('contract', 3),
  c4: demoId('contract', 4), c5: demoId('contract', 5), c6: demoId('contract', 6),
} as const;

/** PSA format `ORD-<number>-<6 characters>`, below the auto-number start (1001) like the project numbers. */
export const ORDER_NUMBER = {
  c1: 'ORD-00101-K7Q2M4', c2: 'ORD-00102-B3X9P1', c3: 'ORD-00103-L5T8W2', c4: 'ORD-00104-N2V6R7', c5: 'ORD-00105-T9H4C3', c6: 'ORD-00106-F6J1D8',
} as const;

type Cur = keyof typeof CURRENCY;
function contract(id: string, number: string, name: string, customer: string, unit: string, orderType: number, terms: number | undefined, cur: Cur, total: number): SeedRecord {
  const r: SeedRecord = {
    salesorderid: id, ordernumber: number, name, msdyn_ordertype: orderType, totalamount: total, exchangerate: EXCHANGE_RATE[cur],
    'customerid_account@odata.bind': bind(DV.accounts, customer),
    'msdyn_contractorganizationalunitid@odata.bind': bind(DV.orgUnits, unit),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
  if (terms !== undefined) r.paymenttermscode = terms;
  return r;
}

export const contracts: SeedRecord[] = [
  contract(CONTRACT.c1, ORDER_NUMBER.c1, 'Adventure Works ERP rollout', ACCOUNT.adventure, ORG_UNIT.global, ORDER_TYPE.workBased, 1, 'USD', 186000),
  contract(CONTRACT.c2, ORDER_NUMBER.c2, 'Fabrikam data platform', ACCOUNT.fabrikam, ORG_UNIT.us, ORDER_TYPE.workBased, 2, 'USD', 72000),
  contract(CONTRACT.c3, ORDER_NUMBER.c3, 'Litware finance implementation', ACCOUNT.litware, ORG_UNIT.global, ORDER_TYPE.workBased, 3, 'EUR', 90000),
  contract(CONTRACT.c4, ORDER_NUMBER.c4, 'Northwind laptops', ACCOUNT.northwind, ORG_UNIT.us, ORDER_TYPE.itemBased, 4, 'USD', 12400),
  contract(CONTRACT.c5, ORDER_NUMBER.c5, 'Tailspin EU advisory', ACCOUNT.tailspin, ORG_UNIT.europe, ORDER_TYPE.workBased, 4, 'EUR', 30000),
  contract(CONTRACT.c6, ORDER_NUMBER.c6, 'Fabrikam reporting phase 2', ACCOUNT.fabrikam, ORG_UNIT.us, ORDER_TYPE.workBased, undefined, 'USD', 24000),
];

export const LINE = {
  l1: demoId('contractLine', 1), l2: demoId('contractLine', 2), l3: demoId('contractLine', 3), l4: demoId('contractLine', 4),
  l5: demoId('contractLine', 5), l6: demoId('contractLine', 6), l7: demoId('contractLine', 7),
} as const;

function line(id: string, order: string, seq: number, description: string, project: string | undefined, method: number | undefined, cur: Cur, price: number, qty: number): SeedRecord {
  const r: SeedRecord = {
    salesorderdetailid: id, salesorderdetailname: description, productdescription: description, isproductoverridden: true,
    sequencenumber: seq, priceperunit: price, quantity: qty, extendedamount: price * qty, exchangerate: EXCHANGE_RATE[cur],
    'salesorderid@odata.bind': bind(DV.contracts, order),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
  if (project) r['msdyn_project@odata.bind'] = bind(DV.projects, project);
  if (method !== undefined) r.msdyn_billingmethod = method;
  return r;
}

/** Lines refer to projects: they are seeded after the projects (see demo/index.ts). */
export function contractLines(project: { p1: string; p2: string; p3: string; p4: string; p5: string }): SeedRecord[] {
  const { timeAndMaterial: tm, fixedPrice: fp } = BILLING_METHOD;
  return [
    line(LINE.l1, CONTRACT.c1, 1, 'Consulting services (T&M)', project.p1, tm, 'USD', 150, 800),
    line(LINE.l2, CONTRACT.c1, 2, 'Solution design (fixed price)', project.p1, fp, 'USD', 66000, 1),
    line(LINE.l3, CONTRACT.c2, 1, 'Data engineering (T&M)', project.p2, tm, 'USD', 160, 450),
    line(LINE.l4, CONTRACT.c3, 1, 'Implementation (fixed price)', project.p3, fp, 'EUR', 90000, 1),
    line(LINE.l5, CONTRACT.c4, 1, 'Laptop 14" (product line)', undefined, undefined, 'USD', 1240, 10),
    line(LINE.l6, CONTRACT.c5, 1, 'Advisory (T&M)', project.p4, tm, 'EUR', 200, 150),
    line(LINE.l7, CONTRACT.c6, 1, 'Report development (T&M)', project.p5, tm, 'USD', 150, 160),
  ];
}

export const MILESTONE = {
  m1: demoId('milestone', 1), m2: demoId('milestone', 2), m3: demoId('milestone', 3), m4: demoId('milestone', 4),
} as const;

function milestone(id: string, lineId: string, name: string, date: string, amount: number, cur: Cur): SeedRecord {
  return {
    msdyn_contractlinescheduleofvalueid: id, msdyn_name: name, msdyn_invoicedate: date, msdyn_amount: amount, exchangerate: EXCHANGE_RATE[cur],
    msdyn_contractline: lineId,
    'msdyn_contractlineid@odata.bind': bind(DV.contractLines, lineId),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
}

export const milestones: SeedRecord[] = [
  milestone(MILESTONE.m1, LINE.l2, 'Design sign-off', '2026-03-31', 33000, 'USD'),
  milestone(MILESTONE.m2, LINE.l2, 'Design handover', '2026-05-29', 33000, 'USD'),
  milestone(MILESTONE.m3, LINE.l4, 'Go-live', '2026-06-30', 60000, 'EUR'),
  milestone(MILESTONE.m4, LINE.l4, 'Hypercare end', '2026-08-31', 30000, 'EUR'),
];
