import { createHash } from 'node:crypto';
import { largeSeed, parseDatasetName, resolveDataset, SeedNameError } from '../../emulators/seed';
import type { SeedSet } from '../../emulators/seed';
import { DV } from '../../emulators/seed/constants';

function count(set: SeedSet, entitySet: string): number {
  const t = set.dataverse.find((x) => x.entitySet === entitySet);
  let n = 0;
  for (const _ of t?.records ?? []) n++;
  return n;
}

function digest(set: SeedSet): string {
  const h = createHash('sha256');
  for (const t of [...set.dataverse, ...set.finops]) {
    h.update(t.entitySet);
    for (const r of t.records) h.update(JSON.stringify(r));
  }
  return h.digest('hex');
}

describe('large:N generator', () => {
  it('has the documented size at N = 1 (100 projects, 2,000 tasks, 50,000 actuals)', () => {
    const set = largeSeed(1);
    expect(count(set, DV.projects)).toBe(100);
    expect(count(set, DV.contracts)).toBe(100);
    expect(count(set, DV.accounts)).toBe(20);
    expect(count(set, DV.tasks)).toBe(2000);
    expect(count(set, DV.contractLines)).toBe(150);
    expect(count(set, DV.milestones)).toBe(50);
    expect(count(set, DV.estimateLines)).toBe(400);
    expect(count(set, DV.actuals)).toBe(50000);
    expect(count(set, DV.connections)).toBe(25200);
  });

  it('scales linearly and keeps at least one project for small N', () => {
    expect(count(largeSeed(0.1), DV.actuals)).toBe(5000);
    expect(count(largeSeed(0.001), DV.projects)).toBe(1);
    expect(count(largeSeed(0.001), DV.tasks)).toBe(20);
  });

  it('is deterministic: two runs, and two iterations of one set, give the same records', () => {
    const a = largeSeed(0.05);
    expect(digest(a)).toBe(digest(largeSeed(0.05)));
    expect(digest(a)).toBe(digest(a));
    expect(digest(a)).not.toBe(digest(largeSeed(0.06)));
  });

  it('binds every lookup to a record of an earlier table or an earlier row (streamed check, ids only kept)', () => {
    const set = largeSeed(0.2);
    const ids = new Map<string, Set<string>>();
    const primary: Record<string, string> = {
      [DV.currencies]: 'transactioncurrencyid', [DV.users]: 'systemuserid', [DV.orgUnits]: 'msdyn_organizationalunitid',
      [DV.categories]: 'msdyn_transactioncategoryid', [DV.accounts]: 'accountid', [DV.contracts]: 'salesorderid',
      [DV.projects]: 'msdyn_projectid', [DV.contractLines]: 'salesorderdetailid', [DV.milestones]: 'msdyn_contractlinescheduleofvalueid',
      [DV.tasks]: 'msdyn_projecttaskid', [DV.estimateLines]: 'msdyn_estimatelineid', [DV.actuals]: 'msdyn_actualid',
      [DV.connections]: 'msdyn_transactionconnectionid',
    };
    let checked = 0;
    for (const t of set.dataverse) {
      const own = new Set<string>();
      ids.set(t.entitySet, own);
      for (const r of t.records) {
        for (const [k, v] of Object.entries(r)) {
          if (!k.endsWith('@odata.bind')) continue;
          const m = /^\/(\w+)\(([0-9a-f-]{36})\)$/.exec(String(v));
          if (!m || !ids.get(m[1])?.has(m[2])) throw new Error(`${t.entitySet} ${k} → ${String(v)} is not seeded before`);
          checked++;
        }
        const id = String(r[primary[t.entitySet]]);
        if (own.has(id)) throw new Error(`duplicate id ${id} in ${t.entitySet}`);
        own.add(id);
      }
    }
    const actuals = ids.get(DV.actuals) as Set<string>;
    for (const c of set.dataverse.find((t) => t.entitySet === DV.connections)?.records ?? []) {
      if (c.msdyn_transaction1type === 'msdyn_actual' && !actuals.has(String(c.msdyn_transaction1))) throw new Error('dangling connection');
    }
    expect(checked).toBeGreaterThan(80000);
  });

  it('streams: iterating 200,000 actuals (large:4) keeps the heap bounded', () => {
    const set = largeSeed(4);
    const actuals = set.dataverse.find((t) => t.entitySet === DV.actuals);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let n = 0;
    let amount = 0;
    for (const r of actuals?.records ?? []) {
      n++;
      amount += r.msdyn_amount as number;
      if (n % 10000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(n).toBe(200000);
    expect(amount).toBeGreaterThan(0);
    // 200,000 records of ~1.5 KB would need ~300 MB if they were retained; garbage collection keeps a stream far below.
    expect(peak - before).toBeLessThan(96 * 1024 * 1024);
  });
});

describe('dataset names', () => {
  it('parses demo, none and large:N', () => {
    expect(parseDatasetName('demo')).toEqual({ kind: 'demo' });
    expect(parseDatasetName('none')).toEqual({ kind: 'none' });
    expect(parseDatasetName('large:2')).toEqual({ kind: 'large', scale: 2 });
    expect(parseDatasetName('large:0.5')).toEqual({ kind: 'large', scale: 0.5 });
    expect(resolveDataset('none')).toEqual({ dataverse: [], finops: [] });
  });

  it.each(['large', 'large:', 'large:0', 'large:-1', 'large:abc', 'large:1000', 'Demo', ''])('rejects %p with a SeedNameError saying what to use', (name) => {
    expect(() => parseDatasetName(name)).toThrow(SeedNameError);
    try {
      parseDatasetName(name);
    } catch (err) {
      expect((err as SeedNameError).code).toBe('SEED_UNKNOWN_DATASET');
      expect((err as Error).message).toMatch(/large:/);
    }
  });
});
