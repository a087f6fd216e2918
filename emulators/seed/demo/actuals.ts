import type { SeedRecord } from '../types';
import { bind, demoId } from '../ids';
import { ADJUSTMENT_STATUS, BILLING_STATUS, BILLING_TYPE, CLASSIFICATION, CONNECTION_TYPE, DV, TRANSACTION_TYPE } from '../constants';
import { CATEGORY, CURRENCY, EXCHANGE_RATE, ORG_UNIT } from './reference';
import { CONTRACT, LINE } from './sales';
import { connection, PROJECT, taskId } from './projects';

/**
 * Demo actuals (msdyn_actuals): time, expense and fee; T&M work has a cost and an unbilled-sales row joined by a
 * transaction connection, fixed-price work a cost row only. Special cases:
 * - 11/12 intercompany: a Contoso Global (USMF) resource on a Contoso US (USSI) project;
 * - 13/14 a resource of Contoso Europe, an org unit mapped to no legal entity (the resource-unit filter drops it);
 * - 16 a GBP hotel expense: F&O has no GBP→USD exchange rate, so Import from staging skips it with an error;
 * - 17/18 on project P4 (Contoso Europe), filtered out with its contract.
 */
export const actualId = (n: number): string => demoId('actual', n);

type Cur = keyof typeof CURRENCY;
interface ActualSpec {
  n: number;
  project: string;
  task: number;
  contract: string;
  line: string;
  contractUnit: string;
  resourceUnit: string;
  classification: number;
  type: number;
  category: string;
  qty: number;
  price: number;
  date: string;
  description: string;
  cur?: Cur;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function actual(s: ActualSpec): SeedRecord {
  const cur = s.cur ?? 'USD';
  const rate = EXCHANGE_RATE[cur];
  const amount = round2(s.qty * s.price);
  const r: SeedRecord = {
    msdyn_actualid: actualId(s.n), msdyn_description: s.description,
    msdyn_accountingdate: s.date, msdyn_documentdate: s.date, msdyn_exchangeratedate: s.date,
    msdyn_startdatetime: `${s.date}T09:00:00Z`, msdyn_enddatetime: `${s.date}T17:00:00Z`,
    msdyn_quantity: s.qty, msdyn_price: s.price, msdyn_price_base: round2(s.price / rate),
    msdyn_amount: amount, msdyn_amount_base: round2(amount / rate), exchangerate: rate,
    msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_transactiontypecode: s.type, msdyn_transactionclassification: s.classification,
    msdyn_adjustmentstatus: ADJUSTMENT_STATUS.unadjustable,
    'msdyn_project@odata.bind': bind(DV.projects, s.project),
    'msdyn_task@odata.bind': bind(DV.tasks, taskId(s.task)),
    'msdyn_salescontract@odata.bind': bind(DV.contracts, s.contract),
    'msdyn_salescontractline@odata.bind': bind(DV.contractLines, s.line),
    'msdyn_contractorganizationalunitid@odata.bind': bind(DV.orgUnits, s.contractUnit),
    'msdyn_resourceorganizationalunitid@odata.bind': bind(DV.orgUnits, s.resourceUnit),
    'msdyn_transactioncategory@odata.bind': bind(DV.categories, s.category),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
  if (s.type === TRANSACTION_TYPE.unbilledSales) r.msdyn_billingstatus = BILLING_STATUS.unbilledSalesCreated;
  return r;
}

type Base = Omit<ActualSpec, 'n' | 'type' | 'price'>;
/** A cost row (n) and an unbilled-sales row (n+1). */
function pair(n: number, base: Base, costPrice: number, salesPrice: number): SeedRecord[] {
  return [
    actual({ ...base, n, type: TRANSACTION_TYPE.cost, price: costPrice, description: `${base.description} (cost)` }),
    actual({ ...base, n: n + 1, type: TRANSACTION_TYPE.unbilledSales, price: salesPrice, description: `${base.description} (sales)` }),
  ];
}

const { time, expense, fee } = CLASSIFICATION;
const p1 = { project: PROJECT.p1, contract: CONTRACT.c1, contractUnit: ORG_UNIT.global };
const p2 = { project: PROJECT.p2, contract: CONTRACT.c2, line: LINE.l3, contractUnit: ORG_UNIT.us };
const p3 = { project: PROJECT.p3, contract: CONTRACT.c3, line: LINE.l4, contractUnit: ORG_UNIT.global, cur: 'EUR' as Cur };

export const actuals: SeedRecord[] = [
  ...pair(1, { ...p1, task: 3, line: LINE.l1, resourceUnit: ORG_UNIT.global, classification: time, category: CATEGORY.hours, qty: 8, date: '2026-01-14', description: 'Requirements workshop, Bob Kelly' }, 80, 150),
  ...pair(3, { ...p1, task: 6, line: LINE.l1, resourceUnit: ORG_UNIT.global, classification: time, category: CATEGORY.hours, qty: 6, date: '2026-03-04', description: 'Configuration, Bob Kelly' }, 80, 150),
  actual({ ...p1, n: 5, task: 4, line: LINE.l2, resourceUnit: ORG_UNIT.global, classification: time, type: TRANSACTION_TYPE.cost, category: CATEGORY.hours, qty: 4, price: 80, date: '2026-02-05', description: 'Solution design, Alice Morgan (fixed price: cost only)' }),
  ...pair(6, { ...p1, task: 3, line: LINE.l1, resourceUnit: ORG_UNIT.global, classification: expense, category: CATEGORY.airfare, qty: 1, date: '2026-01-21', description: 'Flight to Redmond' }, 420, 420),
  actual({ ...p1, n: 8, task: 8, line: LINE.l1, resourceUnit: ORG_UNIT.global, classification: fee, type: TRANSACTION_TYPE.unbilledSales, category: CATEGORY.fee, qty: 1, price: 500, date: '2026-02-27', description: 'Project setup fee' }),
  ...pair(9, { ...p2, task: 10, resourceUnit: ORG_UNIT.us, classification: time, category: CATEGORY.hours, qty: 5, date: '2026-02-10', description: 'Data migration, Carla Ruiz' }, 85, 160),
  ...pair(11, { ...p2, task: 11, resourceUnit: ORG_UNIT.global, classification: time, category: CATEGORY.hours, qty: 3, date: '2026-04-08', description: 'Intercompany: reporting, Bob Kelly (Contoso Global)' }, 80, 160),
  ...pair(13, { ...p1, task: 6, line: LINE.l1, resourceUnit: ORG_UNIT.europe, classification: time, category: CATEGORY.hours, qty: 4, date: '2026-03-11', description: 'Configuration review, Emil Bauer (Contoso Europe)' }, 95, 150),
  actual({ ...p3, n: 15, task: 14, resourceUnit: ORG_UNIT.global, classification: time, type: TRANSACTION_TYPE.cost, category: CATEGORY.hours, qty: 10, price: 90, date: '2026-02-10', description: 'Implementation, Alice Morgan (EUR)' }),
  actual({ ...p1, n: 16, task: 4, line: LINE.l2, resourceUnit: ORG_UNIT.global, classification: expense, type: TRANSACTION_TYPE.cost, category: CATEGORY.hotel, qty: 2, price: 180, date: '2026-02-12', description: 'Hotel London, Alice Morgan (GBP: F&O has no GBP rate)', cur: 'GBP' }),
  ...pair(17, { project: PROJECT.p4, contract: CONTRACT.c5, line: LINE.l6, contractUnit: ORG_UNIT.europe, task: 16, resourceUnit: ORG_UNIT.europe, classification: time, category: CATEGORY.hours, qty: 7, date: '2026-03-05', description: 'Advisory, Emil Bauer', cur: 'EUR' }, 100, 200),
];

export const actualConnections: SeedRecord[] = [1, 3, 6, 9, 11, 13, 17].map((n, i) =>
  connection(demoId('connection', i + 1), `Actual ${n}/${n + 1}`, actualId(n), actualId(n + 1), CONNECTION_TYPE.actual));
