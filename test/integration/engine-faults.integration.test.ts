import { Writable } from 'node:stream';
import pino from 'pino';
import { SYNC_STATE } from '../../solution/tables/syncstatus';
import { PROJECT } from '../../emulators/seed/demo/projects';
import { CONTRACT } from '../../emulators/seed/demo/sales';
import { startEngineSandbox, type EngineSandbox } from '../fixtures/engine/sandbox';
import { foSnapshot } from '../fixtures/engine/snapshot';

const PSA_TO_FO = ['accounts-to-customers', 'projects-and-contracts', 'project-tasks', 'expense-categories-to-psa', 'expense-categories-to-fo', 'hour-estimates', 'expense-estimates', 'actuals'] as const;

describe('engine under faults: 20% of requests answered 429 (Retry-After) or 503', () => {
  let clean: EngineSandbox;
  let faulty: EngineSandbox;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    clean = await startEngineSandbox();
    const sink = new Writable({ write: (chunk, _enc, cb) => { logs.push(JSON.parse(String(chunk)) as Record<string, unknown>); cb(); } });
    faulty = await startEngineSandbox({ logger: pino({ level: 'warn' }, sink) });
  }, 300_000);
  afterAll(async () => {
    await clean?.close();
    await faulty?.close();
  });

  it('ends in the same F&O state as a run without faults, and its waits honour Retry-After', async () => {
    await clean.run({ templates: [...PSA_TO_FO] });
    // every service: about 20% of requests fail, 429 (Retry-After 1 s) or 503; seeds chosen so that both occur early
    const rules = (path: string, seed: number) => ({ rules: [{ path, rate429: 0.1, retryAfterSeconds: 1, seed }, { path, rate503: 0.12 }] });
    expect((await faulty.admin('finops', 'PUT', 'faults', rules('/data', 6))).status).toBeLessThan(300);
    expect((await faulty.admin('dataverse', 'PUT', 'faults', rules('/api/data', 12))).status).toBeLessThan(300);
    const started = Date.now();
    const s = await faulty.run({ templates: [...PSA_TO_FO] });
    await faulty.admin('finops', 'PUT', 'faults', { rules: [] });
    await faulty.admin('dataverse', 'PUT', 'faults', { rules: [] });
    expect(s.failedTasks).toBe(0);
    expect(await foSnapshot(faulty)).toEqual(await foSnapshot(clean));
    const retries = logs.filter((l) => l.msg === 'retrying after a transient failure');
    const throttled = retries.filter((l) => l.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(retries.some((l) => l.status === 503)).toBe(true);
    for (const r of throttled) expect(Number(r.delayMs)).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(throttled.length * 1000 * 0.9);
  }, 300_000);

  it('bad data becomes per-record errors with a clear message on the status row; the rest goes on; fixing it syncs it', async () => {
    const dv = faulty.em.fetchAs('dataverse');
    const patch = (path: string, body: unknown) => dv(`/api/data/v9.2/${path}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'If-Match': '*' }, body: JSON.stringify(body) });
    // a string longer than F&O accepts (ProjectName is 60 characters) and a name with quotes
    expect((await patch(`msdyn_projects(${PROJECT.p3})`, { msdyn_subject: 'L'.repeat(75) })).status).toBe(204);
    expect((await patch(`msdyn_projects(${PROJECT.p5})`, { msdyn_subject: `O'Brien "Phase 2" reporting` })).status).toBe(204);
    // a missing required field: an account without number
    const created = await dv('/api/data/v9.2/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'No Number Ltd' }) });
    expect(created.status).toBe(204);
    const accountId = /\(([0-9a-f-]{36})\)/.exec(String(created.headers['odata-entityid']))?.[1] as string;
    // an unmapped payment term: the configured map lacks 3 (Net 45, contract C3)
    faulty.reconfigure((c) => ({ ...c, templates: { ...c.templates, forecastModel: 'O_forecast', valueMaps: { paymentTerms: { '1': 'Net30', '2': '2%10Net30', '4': 'Net60' } } } }));
    expect((await patch(`salesorders(${CONTRACT.c3})`, { name: 'Litware finance implementation (renewed)' })).status).toBe(204);

    const s = await faulty.run({ templates: ['accounts-to-customers', 'projects-and-contracts'] });
    expect(s.failedTasks).toBe(0);
    const errors = faulty.store.runs.results(s.runId, 'error');
    const byId = new Map(errors.map((e) => [e.sourceId, e.message]));
    expect(byId.get(PROJECT.p3)).toMatch(/ProjCDSProjects.*ProjectName|Project name/);
    expect(byId.get(accountId)).toBe('required field accountnumber (CustomerAccount) is empty');
    expect(byId.get(CONTRACT.c3)).toBe('value 3 of paymenttermscode has no entry in value map paymentTerms; add it to valueMaps.paymentTerms in the configuration');
    expect(byId.has(PROJECT.p5)).toBe(false);
    const p5 = (await faulty.foRows('ProjCDSProjects', "$filter=ProjectName eq 'O''Brien \"Phase 2\" reporting'"));
    expect(p5).toHaveLength(1);
    const status = async (id: string) => (await faulty.dvRows('psafo_syncstatuses', `$filter=psafo_recordid eq '${id}'`))[0];
    expect(await status(PROJECT.p3)).toMatchObject({ psafo_state: SYNC_STATE.Error, psafo_message: byId.get(PROJECT.p3) });
    expect(await status(CONTRACT.c3)).toMatchObject({ psafo_state: SYNC_STATE.Error, psafo_message: expect.stringContaining('value 3 of paymenttermscode') });

    // fix the data and the configuration: the next run syncs them
    expect((await patch(`msdyn_projects(${PROJECT.p3})`, { msdyn_subject: 'Litware finance implementation' })).status).toBe(204);
    expect((await patch(`accounts(${accountId})`, { accountnumber: 'ACC-01099-NONR99' })).status).toBe(204);
    faulty.reconfigure((c) => ({ ...c, templates: { ...c.templates, forecastModel: 'O_forecast', valueMaps: {} } }));
    const fixed = await faulty.run({ templates: ['accounts-to-customers', 'projects-and-contracts'] });
    expect(faulty.store.runs.results(fixed.runId, 'error')).toEqual([]);
    expect(await status(PROJECT.p3)).toMatchObject({ psafo_state: SYNC_STATE.Synced });
    expect(await status(CONTRACT.c3)).toMatchObject({ psafo_state: SYNC_STATE.Synced });
  }, 300_000);
});
