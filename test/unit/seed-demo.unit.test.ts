import { demoSeed } from '../../emulators/seed';
import type { DemoSeedSet, SeedRecord } from '../../emulators/seed';
import {
  BILLING_METHOD, CLASSIFICATION, CONNECTION_TYPE, DV, FO, FORECAST_MODEL, ORDER_TYPE, ORG_UNIT_LEGAL_ENTITY, TRANSACTION_TYPE,
} from '../../emulators/seed/constants';
import { FO_PAYMENT_TERMS } from '../../emulators/seed/demo/finops';
import { SchemaRegistry } from '../../emulators/dataverse/schema/registry';
import { EntityRegistry } from '../../emulators/finops/model/registry';
import { enumMembers } from '../../emulators/finops/model/enums';
import { baselineReferenceData } from '../../emulators/finops/model/baseline';

const BIND_SUFFIX = '@odata.bind';
const BIND_VALUE = /^\/([A-Za-z_]+)\(([0-9a-f-]{36})\)$/;

function table(set: DemoSeedSet, side: 'dataverse' | 'finops', entitySet: string): SeedRecord[] {
  const t = set[side].find((x) => x.entitySet === entitySet);
  if (!t) throw new Error(`no ${side} table ${entitySet}`);
  return t.records;
}

describe('demo seed: referential integrity and schema', () => {
  const seed = demoSeed();
  const schema = new SchemaRegistry();

  it('is deterministic (same GUIDs and values on every call)', () => {
    expect(JSON.stringify(demoSeed())).toBe(JSON.stringify(seed));
  });

  it('binds every lookup to a record seeded earlier (dependency order) in the right table, through a known navigation property', () => {
    const seen = new Map<string, Set<string>>();
    let binds = 0;
    for (const t of seed.dataverse) {
      const def = schema.byEntitySet(t.entitySet);
      expect(def).toBeDefined();
      const ids = new Set<string>();
      for (const r of t.records) {
        for (const [key, value] of Object.entries(r)) {
          if (!key.endsWith(BIND_SUFFIX)) continue;
          binds++;
          const nav = def?.navigation.get(key.slice(0, -BIND_SUFFIX.length));
          expect({ table: t.entitySet, key, nav: nav?.name }).toEqual({ table: t.entitySet, key, nav: key.slice(0, -BIND_SUFFIX.length) });
          const m = BIND_VALUE.exec(String(value));
          expect(m).not.toBeNull();
          const [, targetSet, targetId] = m as RegExpExecArray;
          expect(schema.byEntitySet(targetSet)?.logicalName).toBe(nav?.target);
          expect({ key, value, found: (targetSet === t.entitySet ? ids : seen.get(targetSet))?.has(targetId) ?? false }).toEqual({ key, value, found: true });
        }
        ids.add(String(r[def?.primaryId as string]));
      }
      seen.set(t.entitySet, ids);
    }
    expect(binds).toBeGreaterThan(100);
  });

  it('uses only columns the Dataverse emulator defines, with option values of their option sets', () => {
    for (const t of seed.dataverse) {
      const def = schema.byEntitySet(t.entitySet);
      for (const r of t.records) {
        expect(typeof r[def?.primaryId as string]).toBe('string');
        for (const [key, value] of Object.entries(r)) {
          if (key.endsWith(BIND_SUFFIX)) continue;
          const attr = def?.attributes.get(key);
          expect({ table: t.entitySet, key, known: attr !== undefined }).toEqual({ table: t.entitySet, key, known: true });
          if (attr?.options) expect(attr.options.map((o) => o.value)).toContain(value);
          if (attr?.maxLength && typeof value === 'string') expect(value.length).toBeLessThanOrEqual(attr.maxLength);
        }
      }
    }
  });

  it('uses only F&O entity sets and fields the F&O emulator defines, with valid enum members and lengths', () => {
    const fo = new EntityRegistry();
    for (const t of seed.finops) {
      const def = fo.entity(t.entitySet);
      expect({ set: t.entitySet, known: def !== undefined }).toEqual({ set: t.entitySet, known: true });
      const keys = new Set<string>();
      for (const r of t.records) {
        for (const [key, value] of Object.entries(r)) {
          const f = fo.field(t.entitySet, key);
          expect({ set: t.entitySet, key, known: f !== undefined }).toEqual({ set: t.entitySet, key, known: true });
          if (f?.type === 'enum') expect(enumMembers(f.enumType as string)).toContain(value);
          if (f?.maxLength && typeof value === 'string') expect(value.length).toBeLessThanOrEqual(f.maxLength);
        }
        if (def?.companySpecific) expect(['usmf', 'ussi']).toContain(r.dataAreaId);
        const key = def?.keys.map((k) => String(r[k])).join('|') as string;
        expect(keys.has(key)).toBe(false);
        keys.add(key);
      }
    }
  });

  it('links transaction connections to existing actuals or estimate lines of the declared type', () => {
    const actualIds = new Set(table(seed, 'dataverse', DV.actuals).map((r) => r.msdyn_actualid));
    const estimateIds = new Set(table(seed, 'dataverse', DV.estimateLines).map((r) => r.msdyn_estimatelineid));
    const connections = table(seed, 'dataverse', DV.connections);
    for (const c of connections) {
      const ids = c.msdyn_transaction1type === CONNECTION_TYPE.actual ? actualIds : estimateIds;
      expect(ids.has(c.msdyn_transaction1)).toBe(true);
      expect(ids.has(c.msdyn_transaction2)).toBe(true);
      expect(c.msdyn_transaction2type).toBe(c.msdyn_transaction1type);
    }
    expect(connections.filter((c) => c.msdyn_transaction1type === CONNECTION_TYPE.estimateLine).length).toBeGreaterThan(0);
    expect(connections.filter((c) => c.msdyn_transaction1type === CONNECTION_TYPE.actual).length).toBeGreaterThan(0);
  });

  it('keeps F&O category integration ids pointing at PSA categories', () => {
    const psa = new Map(table(seed, 'dataverse', DV.categories).map((r) => [r.msdyn_transactioncategoryid, r.msdyn_name]));
    for (const c of table(seed, 'finops', FO.cdsCategories)) {
      if (c.IntegrationId) expect(psa.get(c.IntegrationId)).toBe(c.CategoryId);
    }
  });
});

describe('demo seed: every template and shipped filter has its case', () => {
  const seed = demoSeed();
  const dv = (set: string) => table(seed, 'dataverse', set);
  /** F&O rows as the emulator holds them after seeding: its baseline reference data, then the demo rows. */
  const fo = (set: string): SeedRecord[] => [
    ...baselineReferenceData().filter((g) => g.entitySet === set).flatMap((g) => [...g.records] as SeedRecord[]),
    ...(seed.finops.find((t) => t.entitySet === set)?.records ?? []),
  ];
  const idOf = (bindValue: unknown) => String(bindValue).slice(-37, -1);
  const orgUnitName = new Map(dv(DV.orgUnits).map((u) => [u.msdyn_organizationalunitid, u.msdyn_name as string]));
  const legalEntityOf = (bindValue: unknown) => ORG_UNIT_LEGAL_ENTITY[orgUnitName.get(idOf(bindValue)) as string];

  it('contracts: work-based ones in both legal entities, one item-based order, one unit mapped to nothing, payment terms 1–4 and none', () => {
    const contracts = dv(DV.contracts);
    const work = contracts.filter((c) => c.msdyn_ordertype === ORDER_TYPE.workBased);
    expect(contracts.filter((c) => c.msdyn_ordertype === ORDER_TYPE.itemBased)).toHaveLength(1);
    expect(new Set(work.map((c) => legalEntityOf(c['msdyn_contractorganizationalunitid@odata.bind'])))).toEqual(new Set(['USMF', 'USSI', null]));
    expect(new Set(contracts.map((c) => c.paymenttermscode))).toEqual(new Set([1, 2, 3, 4, undefined]));
    expect(work.some((c) => c.paymenttermscode === undefined)).toBe(true);
    expect(Object.values(ORG_UNIT_LEGAL_ENTITY)).toContain(null);
  });

  it('contract lines of both billing methods, milestones only on fixed-price lines, a product line without project', () => {
    const lines = dv(DV.contractLines);
    expect(new Set(lines.map((l) => l.msdyn_billingmethod))).toEqual(new Set([BILLING_METHOD.timeAndMaterial, BILLING_METHOD.fixedPrice, undefined]));
    const fixed = new Set(lines.filter((l) => l.msdyn_billingmethod === BILLING_METHOD.fixedPrice).map((l) => l.salesorderdetailid));
    const milestones = dv(DV.milestones);
    expect(milestones.length).toBeGreaterThanOrEqual(2);
    for (const m of milestones) expect(fixed.has(idOf(m['msdyn_contractlineid@odata.bind']))).toBe(true);
    expect(lines.some((l) => l['msdyn_project@odata.bind'] === undefined)).toBe(true);
  });

  it('tasks: summary rows without category, parent tasks, leaf tasks with category, resource line tasks (with category)', () => {
    const tasks = dv(DV.tasks);
    const parents = new Set(tasks.map((t) => t['msdyn_parenttask@odata.bind']).filter(Boolean).map(idOf));
    const roots = tasks.filter((t) => t['msdyn_parenttask@odata.bind'] === undefined);
    expect(roots.length).toBe(dv(DV.projects).length);
    for (const r of roots) expect(r['msdyn_transactioncategory@odata.bind']).toBeUndefined();
    expect(roots.some((r) => (r.msdyn_effort as number) > 0)).toBe(true);
    const lineTasks = tasks.filter((t) => t.msdyn_islinetask === true);
    expect(lineTasks.length).toBeGreaterThanOrEqual(2);
    for (const l of lineTasks) expect(l['msdyn_transactioncategory@odata.bind']).toBeDefined();
    const leaves = tasks.filter((t) => !parents.has(t.msdyn_projecttaskid as string) && t.msdyn_islinetask === false);
    for (const l of leaves) expect(l['msdyn_transactioncategory@odata.bind']).toBeDefined();
    expect(tasks.filter((t) => parents.has(t.msdyn_projecttaskid as string) && t['msdyn_parenttask@odata.bind'] !== undefined).length).toBeGreaterThan(0);
  });

  it('expense estimates in cost/sales pairs', () => {
    const est = dv(DV.estimateLines);
    expect(est.filter((e) => e.msdyn_transactiontypecode === TRANSACTION_TYPE.cost).length)
      .toBe(est.filter((e) => e.msdyn_transactiontypecode === TRANSACTION_TYPE.unbilledSales).length);
    expect(new Set(est.map((e) => e.msdyn_transactionclassification))).toEqual(new Set([CLASSIFICATION.expense]));
  });

  it('actuals: time, expense and fee; an intercompany one; one of an unmapped resource unit; one in a currency F&O has no rate for', () => {
    const actuals = dv(DV.actuals);
    expect(new Set(actuals.map((a) => a.msdyn_transactionclassification))).toEqual(new Set([CLASSIFICATION.time, CLASSIFICATION.expense, CLASSIFICATION.fee]));
    const ic = actuals.filter((a) => {
      const c = legalEntityOf(a['msdyn_contractorganizationalunitid@odata.bind']);
      const r = legalEntityOf(a['msdyn_resourceorganizationalunitid@odata.bind']);
      return c && r && c !== r;
    });
    expect(ic.length).toBeGreaterThanOrEqual(1);
    const unmappedResourceOnMappedProject = actuals.filter((a) =>
      legalEntityOf(a['msdyn_resourceorganizationalunitid@odata.bind']) === null && legalEntityOf(a['msdyn_contractorganizationalunitid@odata.bind']) !== null);
    expect(unmappedResourceOnMappedProject.length).toBeGreaterThanOrEqual(1);
    const iso = new Map(dv(DV.currencies).map((c) => [c.transactioncurrencyid, c.isocurrencycode as string]));
    const rates = fo(FO.exchangeRates);
    const hasRate = (a: SeedRecord) => {
      const cur = iso.get(idOf(a['transactioncurrencyid@odata.bind']));
      const day = a.msdyn_accountingdate as string;
      return cur === 'USD' || rates.some((r) => r.FromCurrency === cur && r.ToCurrency === 'USD' && String(r.StartDate).slice(0, 10) <= day
        && (r.EndDate === undefined || day <= String(r.EndDate).slice(0, 10)));
    };
    expect(actuals.filter((a) => !hasRate(a))).toHaveLength(1);
    expect(actuals.filter((a) => iso.get(idOf(a['transactioncurrencyid@odata.bind'])) === 'EUR' && hasRate(a)).length).toBeGreaterThan(0);
    const foCurrencies = new Set(fo(FO.currencies).map((c) => c.CurrencyCode));
    for (const c of iso.values()) expect(foCurrencies.has(c)).toBe(true);
  });

  it('categories mastered in F&O: linked, same-name-unlinked and F&O-only cases, and the parameters reference existing categories', () => {
    const psaNames = new Set(dv(DV.categories).map((c) => c.msdyn_name));
    const cdsRows = fo(FO.cdsCategories).filter((c) => c.dataAreaId === 'usmf');
    // Later rows win, as the F&O seed loader overwrites an existing key.
    const cds = [...new Map(cdsRows.map((c) => [c.CategoryId, c])).values()];
    expect(cds.filter((c) => c.IntegrationId && psaNames.has(c.CategoryId)).map((c) => c.CategoryId).sort()).toEqual(['Airfare', 'Fee', 'Hours']);
    expect(cds.filter((c) => !c.IntegrationId && psaNames.has(c.CategoryId)).map((c) => c.CategoryId)).toEqual(['Hotel']);
    expect(cds.filter((c) => !c.IntegrationId && !psaNames.has(c.CategoryId)).map((c) => c.CategoryId)).toEqual(['Meals']);
    for (const name of psaNames) expect(fo(FO.projectCategories).some((c) => c.CategoryId === name)).toBe(true);
    for (const p of fo(FO.parameters)) {
      const cats = new Set(fo(FO.projectCategories).filter((c) => c.dataAreaId === p.dataAreaId).map((c) => c.CategoryId));
      expect(cats.has(p.TimeCategory)).toBe(true);
      expect(cats.has(p.FeeCategory)).toBe(true);
    }
  });

  it('F&O reference data per legal entity: forecast model O_forecast, payment terms, project groups for the defaults', () => {
    for (const d of ['usmf', 'ussi']) {
      expect(fo(FO.forecastModels).some((m) => m.dataAreaId === d && m.ModelId === FORECAST_MODEL)).toBe(true);
      expect(fo(FO.paymentTerms).filter((t) => t.dataAreaId === d)).toHaveLength(4);
      const groups = new Set(fo(FO.projectGroups).filter((g) => g.dataAreaId === d).map((g) => g.ProjectGroupId));
      for (const def of fo(FO.projectGroupDefaults).filter((g) => g.dataAreaId === d)) expect(groups.has(def.ProjectGroup)).toBe(true);
    }
    expect(fo(FO.legalEntities).map((l) => l.LegalEntityId)).toEqual(['USMF', 'USSI']);
    const terms = new Set(fo(FO.paymentTerms).map((t) => t.Name));
    for (const t of Object.values(FO_PAYMENT_TERMS)) expect(terms.has(t)).toBe(true);
  });
});
