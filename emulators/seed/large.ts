import type { SeedRecord, SeedSet, SeedTable } from './types';
import { bind, largeId } from './ids';
import {
  BILLING_METHOD, BILLING_STATUS, BILLING_TYPE, CLASSIFICATION, CONNECTION_TYPE, DV, ORDER_TYPE, TRANSACTION_TYPE,
} from './constants';
import { CATEGORY, categories, CURRENCY, currencies, ORG_UNIT, orgUnits, USER, users } from './demo/reference';
import { finopsTables } from './demo/finops';

/**
 * `large:N` — a deterministic generator for benchmarks. At N = 1: 100 projects (one work-based contract each),
 * 20 accounts, 2,000 tasks (20 per project), 150 contract lines and 50 milestones, 400 expense estimate lines,
 * 50,000 actuals (500 per project, cost/sales pairs) and 25,200 transaction connections. Every count scales
 * linearly with N (N may be fractional, e.g. `large:0.01` = 1 project); at least one project is generated.
 * Tables are lazy re-iterable generators: no table is ever materialised, so memory stays constant whatever N.
 * Reference data (currencies, users, org units, categories, F&O setup) is the demo's.
 */
export const LARGE_PER_UNIT = { projects: 100, accounts: 20 } as const;
export const TASKS_PER_PROJECT = 20;
export const ACTUALS_PER_PROJECT = 500;
export const ESTIMATES_PER_PROJECT = 4;
export const MAX_LARGE_SCALE = 100;

/** A table whose records are produced on demand, index by index. */
export function lazyTable(entitySet: string, count: number, make: (i: number) => SeedRecord): SeedTable {
  return {
    entitySet,
    records: {
      *[Symbol.iterator]() {
        for (let i = 0; i < count; i++) yield make(i);
      },
    },
  };
}

/** Deterministic 0..1 value from an integer (a 32-bit integer hash). */
function unit(i: number, salt: number): number {
  let x = (i * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const units = [ORG_UNIT.global, ORG_UNIT.us, ORG_UNIT.global, ORG_UNIT.us, ORG_UNIT.global, ORG_UNIT.us, ORG_UNIT.global, ORG_UNIT.us, ORG_UNIT.global, ORG_UNIT.europe];
const usd = bind(DV.currencies, CURRENCY.USD);
const dateOf = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86400000).toISOString().slice(0, 10);

export function largeSeed(scale: number): SeedSet {
  const projectsN = Math.max(1, Math.round(LARGE_PER_UNIT.projects * scale));
  const accountsN = Math.max(1, Math.round(LARGE_PER_UNIT.accounts * scale));
  const fpEvery = 2; // every second project also has a fixed-price line with one milestone
  const fpCount = Math.ceil(projectsN / fpEvery);
  const account = (k: number) => largeId('account', k % accountsN);
  const project = (k: number) => largeId('project', k);
  const contract = (k: number) => largeId('contract', k);
  const tmLine = (k: number) => largeId('contractLine', k * 2);
  const fpLine = (k: number) => largeId('contractLine', k * 2 + 1);
  const task = (k: number, t: number) => largeId('task', k * TASKS_PER_PROJECT + t);
  const unitOf = (k: number) => units[k % units.length];

  const lines: SeedTable = {
    entitySet: DV.contractLines,
    records: {
      *[Symbol.iterator]() {
        for (let k = 0; k < projectsN; k++) {
          const base = { isproductoverridden: true, exchangerate: 1, 'salesorderid@odata.bind': bind(DV.contracts, contract(k)), 'msdyn_project@odata.bind': bind(DV.projects, project(k)), 'transactioncurrencyid@odata.bind': usd };
          yield { ...base, salesorderdetailid: tmLine(k), productdescription: `Services T&M ${k}`, sequencenumber: 1, msdyn_billingmethod: BILLING_METHOD.timeAndMaterial, priceperunit: 150, quantity: 1000 };
          if (k % fpEvery === 0) yield { ...base, salesorderdetailid: fpLine(k), productdescription: `Fixed price ${k}`, sequencenumber: 2, msdyn_billingmethod: BILLING_METHOD.fixedPrice, priceperunit: 50000, quantity: 1 };
        }
      },
    },
  };

  const taskRecord = (i: number): SeedRecord => {
    const k = Math.floor(i / TASKS_PER_PROJECT);
    const t = i % TASKS_PER_PROJECT;
    // t = 0 root (summary); 1..3 phases (parents); 4..17 leaves (phase 1 + (t-4) % 3); 18..19 resource line tasks.
    const parent = t === 0 ? undefined : t <= 3 ? 0 : t <= 17 ? 1 + ((t - 4) % 3) : 4 + (t - 18);
    const leaf = t >= 4;
    const r: SeedRecord = {
      msdyn_projecttaskid: task(k, t), msdyn_subject: t === 0 ? `Project ${k}` : t <= 3 ? `Phase ${t}` : `Task ${k}.${t}`,
      msdyn_wbsid: t === 0 ? '1' : t <= 3 ? `1.${t}` : `1.${parent}.${t}`, msdyn_islinetask: t >= 18, exchangerate: 1,
      'msdyn_project@odata.bind': bind(DV.projects, project(k)), 'transactioncurrencyid@odata.bind': usd,
    };
    if (parent !== undefined) r['msdyn_parenttask@odata.bind'] = bind(DV.tasks, task(k, parent));
    if (leaf) {
      const hours = 8 + Math.floor(unit(i, 1) * 80);
      Object.assign(r, { msdyn_effort: hours, msdyn_plannedcost: hours * 80, msdyn_plannedsales: hours * 150, msdyn_scheduledstart: `${dateOf(t * 7)}T08:00:00Z`, 'msdyn_transactioncategory@odata.bind': bind(DV.categories, CATEGORY.hours) });
    }
    return r;
  };

  const estimateRecord = (i: number): SeedRecord => {
    const k = Math.floor(i / ESTIMATES_PER_PROJECT);
    const sales = i % 2 === 1;
    const qty = 1 + Math.floor(unit(i - (sales ? 1 : 0), 2) * 5);
    return {
      msdyn_estimatelineid: largeId('estimateLine', i), msdyn_description: `Travel estimate ${i}`, msdyn_accountingdate: `${dateOf(30 + (i % 200))}T00:00:00Z`,
      msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_transactiontypecode: sales ? TRANSACTION_TYPE.unbilledSales : TRANSACTION_TYPE.cost,
      msdyn_transactionclassification: CLASSIFICATION.expense, msdyn_quantity: qty, msdyn_price: 400, msdyn_amount: qty * 400, exchangerate: 1,
      'msdyn_project@odata.bind': bind(DV.projects, project(k)), 'msdyn_task@odata.bind': bind(DV.tasks, task(k, 4 + (i % 14))),
      'msdyn_transactioncategory@odata.bind': bind(DV.categories, CATEGORY.airfare), 'transactioncurrencyid@odata.bind': usd,
    };
  };

  const actualRecord = (i: number): SeedRecord => {
    const k = Math.floor(i / ACTUALS_PER_PROJECT);
    const pairIndex = Math.floor(i / 2);
    const sales = i % 2 === 1;
    const expense = unit(pairIndex, 3) < 0.2;
    const qty = expense ? 1 : 1 + Math.floor(unit(pairIndex, 4) * 8);
    const price = expense ? 50 + Math.floor(unit(pairIndex, 5) * 450) : sales ? 150 : 80;
    const day = dateOf(Math.floor(unit(pairIndex, 6) * 180));
    const r: SeedRecord = {
      msdyn_actualid: largeId('actual', i), msdyn_description: `${expense ? 'Expense' : 'Time'} ${pairIndex} (${sales ? 'sales' : 'cost'})`,
      msdyn_accountingdate: day, msdyn_documentdate: day, msdyn_exchangeratedate: day, msdyn_startdatetime: `${day}T09:00:00Z`, msdyn_enddatetime: `${day}T17:00:00Z`,
      msdyn_quantity: qty, msdyn_price: price, msdyn_price_base: price, msdyn_amount: qty * price, msdyn_amount_base: qty * price, exchangerate: 1,
      msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_transactiontypecode: sales ? TRANSACTION_TYPE.unbilledSales : TRANSACTION_TYPE.cost,
      msdyn_transactionclassification: expense ? CLASSIFICATION.expense : CLASSIFICATION.time,
      'msdyn_project@odata.bind': bind(DV.projects, project(k)), 'msdyn_task@odata.bind': bind(DV.tasks, task(k, 4 + (pairIndex % 14))),
      'msdyn_salescontract@odata.bind': bind(DV.contracts, contract(k)), 'msdyn_salescontractline@odata.bind': bind(DV.contractLines, tmLine(k)),
      'msdyn_contractorganizationalunitid@odata.bind': bind(DV.orgUnits, unitOf(k)), 'msdyn_resourceorganizationalunitid@odata.bind': bind(DV.orgUnits, unitOf(k)),
      'msdyn_transactioncategory@odata.bind': bind(DV.categories, expense ? CATEGORY.airfare : CATEGORY.hours), 'transactioncurrencyid@odata.bind': usd,
    };
    if (sales) r.msdyn_billingstatus = BILLING_STATUS.unbilledSalesCreated;
    return r;
  };

  const estimatePairs = (projectsN * ESTIMATES_PER_PROJECT) / 2;
  const actualPairs = (projectsN * ACTUALS_PER_PROJECT) / 2;
  const connectionRecord = (i: number): SeedRecord => {
    const est = i < estimatePairs;
    const j = est ? i : i - estimatePairs;
    const make = est ? (n: number) => largeId('estimateLine', n) : (n: number) => largeId('actual', n);
    return {
      msdyn_transactionconnectionid: largeId('connection', i), msdyn_name: `${est ? 'Estimate' : 'Actual'} pair ${j}`,
      msdyn_transaction1: make(j * 2), msdyn_transaction1type: est ? CONNECTION_TYPE.estimateLine : CONNECTION_TYPE.actual, msdyn_transaction1role: TRANSACTION_TYPE.cost,
      msdyn_transaction2: make(j * 2 + 1), msdyn_transaction2type: est ? CONNECTION_TYPE.estimateLine : CONNECTION_TYPE.actual, msdyn_transaction2role: TRANSACTION_TYPE.unbilledSales,
    };
  };

  return {
    dataverse: [
      { entitySet: DV.currencies, records: currencies },
      { entitySet: DV.users, records: users },
      { entitySet: DV.orgUnits, records: orgUnits },
      { entitySet: DV.categories, records: categories },
      lazyTable(DV.accounts, accountsN, (a) => ({
        accountid: largeId('account', a), name: `Customer ${pad(a, 5)}`, accountnumber: `ACC-${pad(20000 + a, 5)}-LRG`, paymenttermscode: 1 + (a % 4),
        customertypecode: 3, 'transactioncurrencyid@odata.bind': usd,
      })),
      lazyTable(DV.contracts, projectsN, (k) => ({
        salesorderid: contract(k), ordernumber: `ORD-${pad(20000 + k, 5)}-LRG`, name: `Contract ${k}`, msdyn_ordertype: ORDER_TYPE.workBased,
        paymenttermscode: 1 + (k % 4), exchangerate: 1, 'customerid_account@odata.bind': bind(DV.accounts, account(k)),
        'msdyn_contractorganizationalunitid@odata.bind': bind(DV.orgUnits, unitOf(k)), 'transactioncurrencyid@odata.bind': usd,
      })),
      lazyTable(DV.projects, projectsN, (k) => ({
        msdyn_projectid: project(k), msdynce_projectnumber: `PRJ-${pad(20000 + k, 5)}-LRG`, msdyn_subject: `Project ${k}`,
        msdyn_scheduledstart: '2026-01-05T08:00:00Z', msdyn_scheduledend: '2026-12-18T17:00:00Z', exchangerate: 1,
        'msdyn_salesorderid@odata.bind': bind(DV.contracts, contract(k)), 'msdyn_customer_account@odata.bind': bind(DV.accounts, account(k)),
        'msdyn_contractorganizationalunitid@odata.bind': bind(DV.orgUnits, unitOf(k)), 'msdyn_projectmanager@odata.bind': bind(DV.users, USER.alice),
        'transactioncurrencyid@odata.bind': usd,
      })),
      lines,
      lazyTable(DV.milestones, fpCount, (m) => ({
        msdyn_contractlinescheduleofvalueid: largeId('milestone', m), msdyn_name: `Milestone ${m}`, msdyn_invoicedate: dateOf(90 + (m % 180)),
        msdyn_amount: 50000, exchangerate: 1, msdyn_contractline: fpLine(m * fpEvery),
        'msdyn_contractlineid@odata.bind': bind(DV.contractLines, fpLine(m * fpEvery)), 'transactioncurrencyid@odata.bind': usd,
      })),
      lazyTable(DV.tasks, projectsN * TASKS_PER_PROJECT, taskRecord),
      lazyTable(DV.estimateLines, projectsN * ESTIMATES_PER_PROJECT, estimateRecord),
      lazyTable(DV.actuals, projectsN * ACTUALS_PER_PROJECT, actualRecord),
      lazyTable(DV.connections, estimatePairs + actualPairs, connectionRecord),
    ],
    finops: finopsTables,
  };
}
