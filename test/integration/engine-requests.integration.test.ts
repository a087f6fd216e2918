import { startEngineSandbox, type EngineSandbox } from '../fixtures/engine/sandbox';

/**
 * Request counts of incremental runs (issue 4, "an incremental run with one changed record makes at
 * most 5 requests in all"), against the emulators: requests are deterministic, so the figures are
 * exact counts per route. The bench's template set (the PSA→F&O templates and expense-categories-to-psa)
 * and every template (actuals-update-to-psa too: F&O has no change tracking, so it reads the staging actuals
 * from its watermark on, and the relationships only by links to the actuals it read).
 */
const BENCH_SET = ['accounts-to-customers', 'projects-and-contracts', 'project-tasks', 'expense-categories-to-psa', 'expense-categories-to-fo', 'hour-estimates', 'expense-estimates', 'actuals'] as const;
const EVERY = [...BENCH_SET, 'actuals-update-to-psa'] as const;

describe('requests of an incremental run', () => {
  let sb: EngineSandbox;
  let actualId: string;

  const byRoute = (): { dataverse: Record<string, number>; finops: Record<string, number>; total: number } => {
    const api = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.includes('/_emulator/')));
    const dataverse = api(sb.em.running.dataverse.counters.snapshot().byRoute);
    const finops = api(sb.em.running.finops.counters.snapshot().byRoute);
    const total = [...Object.values(dataverse), ...Object.values(finops)].reduce((n, v) => n + v, 0);
    return { dataverse, finops, total };
  };
  const reset = () => {
    sb.em.running.dataverse.counters.reset();
    sb.em.running.finops.counters.reset();
  };
  const changeActual = async (description: string) => {
    const res = await sb.em.fetchAs('dataverse')(`/api/data/v9.2/msdyn_actuals(${actualId})`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ msdyn_description: description }),
    });
    expect(res.status).toBe(204);
  };
  const foDescription = async () => {
    const rows = await sb.foRows<{ Description: string }>('ProjCDSActualsImports', `$filter=ActualId eq '${actualId}'&$select=Description`);
    return rows.map((r) => r.Description);
  };

  beforeAll(async () => {
    sb = await startEngineSandbox();
    const first = await sb.run({ templates: [...EVERY] });
    expect(first.failedTasks).toBe(0);
    expect(first.upserts).toBeGreaterThan(50);
    // an actual the first run wrote to F&O
    const written = sb.store.runs.results(first.runId, 'upserted').find((r) => r.task === 'actuals');
    actualId = written?.sourceId as string;
    expect(actualId).toMatch(/^[0-9a-f-]{36}$/);
    // a second run settles what the first one wrote back (status rows, F&O→PSA updates)
    await sb.run({ templates: [...EVERY] });
  }, 300_000);
  afterAll(async () => {
    await sb?.close();
  });

  it('one changed actual, bench template set: 5 requests (1 Dataverse probe $batch with the small tables, 1 lookups $batch, 1 F&O read, 1 F&O write, 1 status and run rows $batch)', async () => {
    await changeActual('Changed once for the request count');
    reset();
    const s = await sb.run({ templates: [...BENCH_SET] });
    expect(s.failedTasks).toBe(0);
    expect(s.upserts).toBe(1);
    expect(byRoute()).toEqual({
      dataverse: { 'POST /api/data/v9.2/$batch': 3 },
      finops: { 'GET /data/ProjCDSCategories': 1, 'POST /data/$batch': 1 },
      total: 5,
    });
    expect(await foDescription()).toEqual(['Changed once for the request count']);
    // the run row is written (admin console), with the one write
    const runs = await sb.dvRows<{ psafo_upserts: number }>('psafo_syncruns', `$filter=psafo_runid eq '${s.runId}'`);
    expect(runs).toEqual([expect.objectContaining({ psafo_upserts: 1 })]);
  }, 120_000);

  it('one changed actual, every template: 5 requests (the F&O reads of the F&O→PSA tasks in one $batch, still exact after the actuals task wrote a row they do not hold)', async () => {
    await changeActual('Changed twice for the request count');
    reset();
    const s = await sb.run({ templates: [...EVERY] });
    expect(s.failedTasks).toBe(0);
    expect(s.tasks.find((t) => t.task === 'actuals')).toMatchObject({ read: 1, upserts: 1 });
    expect(byRoute()).toEqual({
      dataverse: { 'POST /api/data/v9.2/$batch': 3 },
      // F&O: the first reads of the F&O→PSA tasks (pages and watermark), the write
      finops: { 'POST /data/$batch': 2 },
      total: 5,
    });
    expect(await foDescription()).toEqual(['Changed twice for the request count']);
  }, 120_000);

  it('nothing changed, every template: 3 requests (probe, F&O reads, run row)', async () => {
    reset();
    const s = await sb.run({ templates: [...EVERY] });
    expect(s.failedTasks).toBe(0);
    expect(s.upserts).toBe(0);
    expect(byRoute()).toEqual({
      dataverse: { 'POST /api/data/v9.2/$batch': 2 },
      finops: { 'POST /data/$batch': 1 },
      total: 3,
    });
    const runs = await sb.dvRows('psafo_syncruns', `$filter=psafo_runid eq '${s.runId}'`);
    expect(runs).toHaveLength(1);
  }, 120_000);

  it('a record put on the retry list by Sync now while in sync is read once: it leaves the list and the next run is quiet again', async () => {
    sb.store.retry.add([{ task: 'actuals', sourceId: actualId, reason: 'SyncNow request' }]);
    const synced = await sb.run({ templates: [...EVERY] });
    expect(synced.tasks.find((t) => t.task === 'actuals')).toMatchObject({ read: 1, unchanged: 1, upserts: 0 });
    expect(sb.store.retry.list('actuals')).toEqual([]);
    reset();
    const quiet = await sb.run({ templates: [...EVERY] });
    expect(quiet.tasks.find((t) => t.task === 'actuals')?.read).toBe(0);
    expect(byRoute().total).toBe(3);
  }, 120_000);

  it('an F&O→PSA task that writes a table drops the probed page of that table: the later task reads it again and sees the write', async () => {
    // a category new in F&O: expense-categories-to-psa writes it to PSA, then expense-categories-to-fo must not use the probe's (older) page
    const [existing] = await sb.foRows<{ SharedCategory: string }>('ProjCDSCategories', `$filter=dataAreaId eq 'usmf'&$top=1`);
    const created = await sb.em.fetchAs('finops')('/data/ProjCDSCategories', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ dataAreaId: 'usmf', CategoryId: 'ReqCount', SharedCategory: existing.SharedCategory }),
    });
    expect(created.status).toBe(201);
    reset();
    const s = await sb.run({ templates: [...EVERY] });
    expect(s.failedTasks).toBe(0);
    expect(s.tasks.find((t) => t.task === 'categories-to-psa')).toMatchObject({ upserts: 1 });
    // the PSA row written by categories-to-psa is a change of msdyn_transactioncategories: read, not from the probe
    expect(byRoute().dataverse['GET /api/data/v9.2/msdyn_transactioncategories']).toBe(1);
    expect(s.tasks.find((t) => t.task === 'categories-to-fo')?.read).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
