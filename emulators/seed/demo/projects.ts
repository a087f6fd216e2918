import type { SeedRecord } from '../types';
import { bind, demoId } from '../ids';
import { BILLING_TYPE, CLASSIFICATION, CONNECTION_TYPE, DV, TRANSACTION_TYPE } from '../constants';
import { CATEGORY, CURRENCY, EXCHANGE_RATE, ORG_UNIT, USER } from './reference';
import { ACCOUNT, CONTRACT } from './sales';

/**
 * Demo projects, their work breakdown structures and expense estimates.
 * P1 (C1, USMF) has T&M and fixed-price lines; P2 (C2, USSI) T&M; P3 (C3, USMF, EUR) fixed price;
 * P4 (C5, Contoso Europe) T&M, filtered out; P5 (C6, USSI) T&M.
 * Every WBS has a summary root without category (the hour-estimates "empty category" filter), parent tasks,
 * leaf tasks with the Hours category and effort/planned amounts (the hour estimates), and P1/P2 have
 * resource line tasks (`msdyn_islinetask` = true, the IsLineTask filter).
 */
export const PROJECT = {
  p1: demoId('project', 1), p2: demoId('project', 2), p3: demoId('project', 3), p4: demoId('project', 4), p5: demoId('project', 5),
} as const;

/**
 * PSA format `PRJ-<number>-<6 characters>`. Below the Dataverse emulator's auto-number start (1000), so projects
 * created later never collide with the demo's.
 */
export const PROJECT_NUMBER = {
  p1: 'PRJ-00100-AWERP1', p2: 'PRJ-00101-FBDAT2', p3: 'PRJ-00102-LTFIN3', p4: 'PRJ-00103-TSADV4', p5: 'PRJ-00104-FBREP5',
} as const;

type Cur = keyof typeof CURRENCY;
function project(id: string, number: string, subject: string, contract: string, customer: string, unit: string, cur: Cur, start: string, end: string, actualStart?: string): SeedRecord {
  const r: SeedRecord = {
    msdyn_projectid: id, msdynce_projectnumber: number, msdyn_subject: subject, msdyn_description: `${subject} (demo)`,
    msdyn_scheduledstart: `${start}T08:00:00Z`, msdyn_scheduledend: `${end}T17:00:00Z`, exchangerate: EXCHANGE_RATE[cur],
    'msdyn_salesorderid@odata.bind': bind(DV.contracts, contract),
    'msdyn_customer_account@odata.bind': bind(DV.accounts, customer),
    'msdyn_contractorganizationalunitid@odata.bind': bind(DV.orgUnits, unit),
    'msdyn_projectmanager@odata.bind': bind(DV.users, USER.alice),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
  if (actualStart) r.msdyn_actualstart = `${actualStart}T08:00:00Z`;
  return r;
}

export const projects: SeedRecord[] = [
  project(PROJECT.p1, PROJECT_NUMBER.p1, 'Adventure Works ERP rollout', CONTRACT.c1, ACCOUNT.adventure, ORG_UNIT.global, 'USD', '2026-01-12', '2026-09-30', '2026-01-12'),
  project(PROJECT.p2, PROJECT_NUMBER.p2, 'Fabrikam data platform', CONTRACT.c2, ACCOUNT.fabrikam, ORG_UNIT.us, 'USD', '2026-02-02', '2026-07-31', '2026-02-02'),
  project(PROJECT.p3, PROJECT_NUMBER.p3, 'Litware finance implementation', CONTRACT.c3, ACCOUNT.litware, ORG_UNIT.global, 'EUR', '2025-12-01', '2026-08-31', '2025-12-01'),
  project(PROJECT.p4, PROJECT_NUMBER.p4, 'Tailspin EU advisory', CONTRACT.c5, ACCOUNT.tailspin, ORG_UNIT.europe, 'EUR', '2026-03-02', '2026-05-29'),
  project(PROJECT.p5, PROJECT_NUMBER.p5, 'Fabrikam reporting phase 2', CONTRACT.c6, ACCOUNT.fabrikam, ORG_UNIT.us, 'USD', '2026-04-01', '2026-06-30'),
];

interface TaskSpec {
  n: number;
  project: string;
  parent?: number;
  wbs: string;
  subject: string;
  /** Leaf tasks carry the Hours category and the hour estimate; summary/parent rows carry none. */
  hours?: number;
  cost?: number;
  sales?: number;
  lineTask?: boolean;
  start?: string;
  cur?: Cur;
  /** Summary/parent rows: rolled-up totals, shown on the row but without a category. */
  rollup?: { hours: number; cost: number; sales: number };
}

export const taskId = (n: number): string => demoId('task', n);

function task(s: TaskSpec): SeedRecord {
  const cur = s.cur ?? 'USD';
  const r: SeedRecord = {
    msdyn_projecttaskid: taskId(s.n), msdyn_subject: s.subject, msdyn_wbsid: s.wbs, msdyn_islinetask: s.lineTask ?? false,
    exchangerate: EXCHANGE_RATE[cur],
    'msdyn_project@odata.bind': bind(DV.projects, s.project),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
  if (s.parent !== undefined) r['msdyn_parenttask@odata.bind'] = bind(DV.tasks, taskId(s.parent));
  if (s.start) r.msdyn_scheduledstart = `${s.start}T08:00:00Z`;
  if (s.hours !== undefined) {
    r.msdyn_effort = s.hours;
    r.msdyn_plannedcost = s.cost ?? s.hours * 80;
    r.msdyn_plannedsales = s.sales ?? s.hours * 150;
    r['msdyn_transactioncategory@odata.bind'] = bind(DV.categories, CATEGORY.hours);
  } else {
    // Summary and parent rows: rolled-up effort and amounts but no transaction category.
    r.msdyn_effort = s.rollup?.hours ?? 0;
    r.msdyn_plannedcost = s.rollup?.cost ?? 0;
    r.msdyn_plannedsales = s.rollup?.sales ?? 0;
  }
  return r;
}

/** Task numbers are stable: tests refer to them (1 = P1 root, 3 = a P1 leaf, 7 = a P1 resource line task, ...). */
export const TASK_SPECS: TaskSpec[] = [
  { n: 1, project: PROJECT.p1, wbs: '1', subject: 'Adventure Works ERP rollout' },
  { n: 2, project: PROJECT.p1, parent: 1, wbs: '1.1', subject: 'Design' },
  { n: 3, project: PROJECT.p1, parent: 2, wbs: '1.1.1', subject: 'Requirements workshops', hours: 120, start: '2026-01-12' },
  { n: 4, project: PROJECT.p1, parent: 2, wbs: '1.1.2', subject: 'Solution design', hours: 200, start: '2026-02-02' },
  { n: 5, project: PROJECT.p1, parent: 1, wbs: '1.2', subject: 'Build' },
  { n: 6, project: PROJECT.p1, parent: 5, wbs: '1.2.1', subject: 'Configuration', hours: 360, start: '2026-03-02' },
  { n: 7, project: PROJECT.p1, parent: 6, wbs: '1.2.1', subject: 'Configuration - Bob Kelly', hours: 180, start: '2026-03-02', lineTask: true },
  { n: 8, project: PROJECT.p1, parent: 1, wbs: '1.3', subject: 'Go-live support', hours: 120, start: '2026-08-03' },
  { n: 9, project: PROJECT.p2, wbs: '1', subject: 'Fabrikam data platform' },
  { n: 10, project: PROJECT.p2, parent: 9, wbs: '1.1', subject: 'Data migration', hours: 250, start: '2026-02-02' },
  { n: 11, project: PROJECT.p2, parent: 9, wbs: '1.2', subject: 'Reporting', hours: 200, start: '2026-04-06' },
  { n: 12, project: PROJECT.p2, parent: 10, wbs: '1.1', subject: 'Data migration - Carla Ruiz', hours: 125, start: '2026-02-02', lineTask: true },
  { n: 13, project: PROJECT.p3, wbs: '1', subject: 'Litware finance implementation', cur: 'EUR' },
  { n: 14, project: PROJECT.p3, parent: 13, wbs: '1.1', subject: 'Implementation', hours: 400, cost: 30000, sales: 90000, start: '2025-12-01', cur: 'EUR' },
  { n: 15, project: PROJECT.p4, wbs: '1', subject: 'Tailspin EU advisory', cur: 'EUR' },
  { n: 16, project: PROJECT.p4, parent: 15, wbs: '1.1', subject: 'Advisory', hours: 150, cost: 15000, sales: 30000, start: '2026-03-02', cur: 'EUR' },
  { n: 17, project: PROJECT.p5, wbs: '1', subject: 'Fabrikam reporting phase 2' },
  { n: 18, project: PROJECT.p5, parent: 17, wbs: '1.1', subject: 'Report development', hours: 160, start: '2026-04-01' },
];

/** Parent and summary rows carry the rolled-up effort and amounts of their leaf tasks (resource line tasks excluded). */
function rollUp(specs: TaskSpec[]): TaskSpec[] {
  const children = (n: number) => specs.filter((s) => s.parent === n && !s.lineTask);
  const totals = (s: TaskSpec): { hours: number; cost: number; sales: number } => {
    const kids = children(s.n);
    if (kids.length === 0) return { hours: s.hours ?? 0, cost: s.cost ?? (s.hours ?? 0) * 80, sales: s.sales ?? (s.hours ?? 0) * 150 };
    return kids.map(totals).reduce((a, b) => ({ hours: a.hours + b.hours, cost: a.cost + b.cost, sales: a.sales + b.sales }));
  };
  return specs.map((s) => (children(s.n).length > 0 && s.hours === undefined ? { ...s, rollup: totals(s) } : s));
}

export const tasks: SeedRecord[] = rollUp(TASK_SPECS).map(task);

/** Expense estimates: cost and sales lines in pairs, each pair joined by a transaction connection. */
export const estimateLineId = (n: number): string => demoId('estimateLine', n);

function estimate(n: number, projectId: string, taskN: number, category: string, description: string, date: string, qty: number, price: number, type: number, cur: Cur = 'USD'): SeedRecord {
  return {
    msdyn_estimatelineid: estimateLineId(n), msdyn_description: description, msdyn_accountingdate: `${date}T00:00:00Z`,
    msdyn_billingtype: BILLING_TYPE.chargeable, msdyn_transactiontypecode: type, msdyn_transactionclassification: CLASSIFICATION.expense,
    msdyn_quantity: qty, msdyn_price: price, msdyn_amount: qty * price, exchangerate: EXCHANGE_RATE[cur],
    'msdyn_project@odata.bind': bind(DV.projects, projectId),
    'msdyn_task@odata.bind': bind(DV.tasks, taskId(taskN)),
    'msdyn_transactioncategory@odata.bind': bind(DV.categories, category),
    'transactioncurrencyid@odata.bind': bind(DV.currencies, CURRENCY[cur]),
  };
}

const { cost, unbilledSales } = TRANSACTION_TYPE;
export const estimateLines: SeedRecord[] = [
  estimate(1, PROJECT.p1, 3, CATEGORY.airfare, 'Workshop travel (cost)', '2026-01-20', 4, 600, cost),
  estimate(2, PROJECT.p1, 3, CATEGORY.airfare, 'Workshop travel (sales)', '2026-01-20', 4, 600, unbilledSales),
  estimate(3, PROJECT.p1, 6, CATEGORY.hotel, 'Build phase hotel (cost)', '2026-03-10', 20, 180, cost),
  estimate(4, PROJECT.p1, 6, CATEGORY.hotel, 'Build phase hotel (sales)', '2026-03-10', 20, 180, unbilledSales),
  estimate(5, PROJECT.p2, 10, CATEGORY.airfare, 'Migration travel (cost)', '2026-02-16', 2, 450, cost),
  estimate(6, PROJECT.p2, 10, CATEGORY.airfare, 'Migration travel (sales)', '2026-02-16', 2, 450, unbilledSales),
];

export function connection(id: string, name: string, costId: string, salesId: string, type: string): SeedRecord {
  return {
    msdyn_transactionconnectionid: id, msdyn_name: name,
    msdyn_transaction1: costId, msdyn_transaction1type: type, msdyn_transaction1role: TRANSACTION_TYPE.cost,
    msdyn_transaction2: salesId, msdyn_transaction2type: type, msdyn_transaction2role: TRANSACTION_TYPE.unbilledSales,
  };
}

export const estimateConnections: SeedRecord[] = [1, 3, 5].map((n, i) =>
  connection(demoId('connection', 101 + i), `Estimate ${n}/${n + 1}`, estimateLineId(n), estimateLineId(n + 1), CONNECTION_TYPE.estimateLine));
