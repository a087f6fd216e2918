import { LookupCache } from '../../bridge/engine/lookup-cache';
import type { Rec } from '../../bridge/engine/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { taskContext } from '../../bridge/engine/task-context';
import { Store } from '../../bridge/store';
import { actualRelationshipsTask, actualsTask } from '../../bridge/templates/actuals/mapping';
import type { LookupDef } from '../../bridge/templates/types';
import { IDS, actual } from '../fixtures/engine/psa-records';

describe('LookupCache', () => {
  const rows: Record<string, Rec[]> = {
    salesorders: [{ salesorderid: IDS.order, ordernumber: 'ORD-01022-Z4M9Q0' }],
    msdyn_projects: [{ msdyn_projectid: IDS.project, msdynce_projectnumber: 'PRJ-01049-CCNID0' }],
    transactioncurrencies: [{ transactioncurrencyid: IDS.usd, isocurrencycode: 'USD' }],
    msdyn_organizationalunits: [{ msdyn_organizationalunitid: IDS.unitUs, msdyn_name: 'Contoso US' }, { msdyn_organizationalunitid: IDS.unitGlobal, msdyn_name: 'Contoso Global' }],
  };
  function fake() {
    const calls: { entitySet: string; ids: readonly string[] }[][] = [];
    const resolveLookups = async (requests: readonly { def: LookupDef; ids: readonly string[] }[]) => {
      calls.push(requests.map((r) => ({ entitySet: r.def.entitySet, ids: r.ids })));
      return requests.map((r) => (rows[r.def.entitySet] ?? []).filter((x) => r.ids.includes(String(x[r.def.idField]))));
    };
    return { calls, resolveLookups };
  }

  it('resolves all lookup tables of a page in one call, shares buckets, and caches across pages', async () => {
    const f = fake();
    const cache = new LookupCache(f);
    await cache.prefetch(actualsTask, [actual, { ...actual, msdyn_actualid: 'x2' }]);
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].map((c) => c.entitySet).sort()).toEqual(['msdyn_organizationalunits', 'msdyn_projects', 'salesorders', 'transactioncurrencies']);
    expect(f.calls[0].find((c) => c.entitySet === 'msdyn_organizationalunits')?.ids.slice().sort()).toEqual([IDS.unitUs, IDS.unitGlobal].sort());
    expect(cache.get(actualsTask, 'msdyn_resourceorganizationalunitid', IDS.unitGlobal)?.msdyn_name).toBe('Contoso Global');
    expect(cache.get(actualsTask, 'msdyn_project', IDS.project)?.msdynce_projectnumber).toBe('PRJ-01049-CCNID0');
    await cache.prefetch(actualsTask, [actual]);
    expect(f.calls).toHaveLength(1);
  });

  it('takes project and order numbers from the key map without a request, and remembers missing records', async () => {
    const f = fake();
    const destKeys: Record<string, Rec> = { [`projects|${IDS.project}`]: { dataAreaId: 'USSI', ProjectID: 'PRJ-KEYMAP' }, [`contracts|${IDS.order}`]: { dataAreaId: 'USSI', ProjectContractID: 'ORD-KEYMAP' } };
    const cache = new LookupCache(f, (task, id) => destKeys[`${task}|${id}`]);
    await cache.prefetch(actualsTask, [{ ...actual, _msdyn_task_value: null, _transactioncurrencyid_value: '5a0e7c1e-0000-4000-8000-0000000000ff' }]);
    expect(f.calls[0].map((c) => c.entitySet).sort()).toEqual(['msdyn_organizationalunits', 'transactioncurrencies']);
    expect(cache.get(actualsTask, 'msdyn_project', IDS.project)?.msdynce_projectnumber).toBe('PRJ-KEYMAP');
    expect(cache.get(actualsTask, 'msdyn_salescontract', IDS.order)?.ordernumber).toBe('ORD-KEYMAP');
    expect(cache.get(actualsTask, 'transactioncurrencyid', '5a0e7c1e-0000-4000-8000-0000000000ff')).toBeUndefined();
    await cache.prefetch(actualsTask, [{ ...actual, _transactioncurrencyid_value: '5a0e7c1e-0000-4000-8000-0000000000ff' }]);
    expect(f.calls).toHaveLength(1);
  });
});

describe('task context parents', () => {
  it('reads a page of new parents in queries of 500 ids, then answers from memory; a missing parent of an earlier task stays missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psafo-parents-'));
    const store = Store.open(join(dir, 'state.db'));
    try {
      const ids = Array.from({ length: 600 }, (_, i) => `a${String(i).padStart(4, '0')}`);
      store.keyMap.markWritten(ids.slice(0, 599).map((id, i) => ({ task: 'actuals', sourceId: id, legalEntity: i % 2 ? 'USMF' : 'USSI', destKey: { ActualId: id }, hash: 'h' })));
      const many = jest.spyOn(store.keyMap, 'writtenCompanies');
      const one = jest.spyOn(store.keyMap, 'writtenCompany');
      const ctx = taskContext(actualRelationshipsTask, {
        settings: { forecastModel: 'O', customerGroup: '30', intercompany: false, orgUnitLegalEntity: {} }, valueMaps: {} as never, store,
        lookups: new LookupCache({ resolveLookups: async () => [] }), currencies: new Map(), categoriesByName: new Map(), trackedTasks: new Set(['actuals', 'actual-relationships']),
      });
      ctx.prefetchParents(ids.map((id) => ({ msdyn_transaction1: id })));
      expect(many).toHaveBeenCalledTimes(2);
      expect(ctx.parent('actuals', 'a0001')).toEqual({ legalEntity: 'USMF' });
      expect(ctx.parent('actuals', 'a0000')).toEqual({ legalEntity: 'USSI' });
      expect(ctx.parent('actuals', 'a0599')).toBe('missing');
      expect(one).not.toHaveBeenCalled();
      // a parent the page did not name is asked on its own
      expect(ctx.parent('actuals', 'zzz')).toBe('missing');
      expect(one).toHaveBeenCalledTimes(1);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
