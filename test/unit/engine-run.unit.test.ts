import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig, type Config } from '../../bridge/config';
import { planRun, runSync, type DryRunWrite } from '../../bridge/engine';
import { PlanError } from '../../bridge/engine/errors';
import { startRead } from '../../bridge/engine/started-read';
import { Store } from '../../bridge/store';
import { TEMPLATES } from '../../bridge/templates';
import type { TemplateDef } from '../../bridge/templates/types';
import { SYNC_STATE } from '../../solution/tables/syncstatus';
import { TEST_ENV, configInput } from '../fixtures/engine/config';
import { FakeServices } from '../fixtures/engine/fake-ports';
import { IDS } from '../fixtures/engine/psa-records';
import { seedExample } from '../fixtures/engine/seed';

const logger = pino({ level: 'silent' });
const TEMPLATE_SET = ['accounts-to-customers', 'projects-and-contracts', 'project-tasks'] as const;

describe('planRun', () => {
  it('orders templates by dependency and tasks inside them', () => {
    const tasks = planRun(TEMPLATES, ['project-tasks', 'projects-and-contracts', 'accounts-to-customers']).map((p) => p.task.id);
    expect(tasks).toEqual(['accounts', 'contracts', 'projects', 'contract-lines', 'milestones', 'tasks']);
    const all = planRun(TEMPLATES, TEMPLATES.map((t) => t.id)).map((p) => p.template.id);
    expect(all.indexOf('expense-categories-to-psa')).toBeLessThan(all.indexOf('expense-categories-to-fo'));
    expect(all.indexOf('actuals')).toBeLessThan(all.indexOf('actuals-update-to-psa'));
  });
  it('rejects cycles and unknown templates', () => {
    const a = { ...TEMPLATES[0], dependsOn: ['project-tasks'] } as TemplateDef;
    const cyclic = [a, ...TEMPLATES.slice(1)];
    expect(() => planRun(cyclic, ['accounts-to-customers', 'projects-and-contracts', 'project-tasks'])).toThrow(PlanError);
    expect(() => planRun(TEMPLATES, ['nope' as never])).toThrow(/unknown template 'nope'/);
  });
});

describe('runSync against in-memory services', () => {
  let dir: string;
  let store: Store;
  let config: Config;
  let fake: FakeServices;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'psafo-engine-'));
    const input = configInput();
    config = parseConfig({ ...input, templates: { ...input.templates, enabled: [...TEMPLATE_SET] }, sync: { batchSize: 2, parallelism: 2 }, store: { path: join(dir, 's.db') } }, join(dir, 'c.json'), TEST_ENV);
    store = Store.open(config.store.path);
    fake = new FakeServices();
    seedExample(fake);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (opts: Parameters<typeof runSync>[1] = {}) => runSync({ config, store, ports: fake.ports(), logger }, opts);

  it('writes every record once, holds the sub-task until its parent task is in F&O, and writes status and run rows', async () => {
    const s = await run();
    expect(s.state).toBe('Succeeded');
    expect(s.tasks.map((t) => [t.task, t.upserts, t.errors])).toEqual([
      ['accounts', 2, 0], ['contracts', 1, 0], ['projects', 1, 0], ['contract-lines', 1, 0], ['milestones', 1, 0], ['tasks', 2, 0],
    ]);
    expect(fake.foRows('CustomersV3').map((r) => r.dataAreaId).sort()).toEqual(['USMF', 'USSI']);
    expect(fake.foRows('ProjCDSTasks').map((r) => r.Name)).toEqual(['Phase 1', 'Design']);
    expect(fake.foRows('ProjCDSContractLineImports')[0]).toMatchObject({ dataAreaId: 'USSI', Type: 'FixedPrice', ContractId: 'ORD-01022-Z4M9Q0' });
    const status = fake.upserts.filter((u) => u.entitySet === 'psafo_syncstatuses').flatMap((u) => u.targets);
    const projectRow = status.find((t) => t.psafo_recordid === IDS.project);
    expect(projectRow).toMatchObject({ psafo_state: SYNC_STATE.Synced, psafo_legalentity: 'USSI', psafo_finopskey: "(dataAreaId='USSI',ProjectID='PRJ-01049-CCNID0')", psafo_runid: s.runId });
    const runRows = fake.upserts.filter((u) => u.entitySet === 'psafo_syncruns').flatMap((u) => u.targets);
    expect(runRows.map((r) => r.psafo_upserts)).toEqual([0, 8]);
    expect(store.runs.get(s.runId)).toMatchObject({ state: 'Succeeded', upserts: 8 });
  });

  it('times the whole run, its status and run rows written', async () => {
    const ports = fake.ports();
    const slow = { ...ports, upsertMultipleBatch: async (groups: Parameters<typeof ports.upsertMultipleBatch>[0]) => {
      await new Promise((r) => setTimeout(r, 80));
      await ports.upsertMultipleBatch(groups);
    } };
    const s = await runSync({ config, store, ports: slow, logger });
    expect(s.durationMs).toBeGreaterThanOrEqual(75);
  });

  it('starts the next task\'s change read when a task has read its last page, while its writes are answered', async () => {
    const ports = fake.ports();
    const events: string[] = [];
    const logged = {
      ...ports,
      readChanges: (task: Parameters<typeof ports.readChanges>[0], token: string | undefined) => {
        events.push(`read ${task.id}`);
        return ports.readChanges(task, token);
      },
      writeFinOps: async (ops: Parameters<typeof ports.writeFinOps>[0]) => {
        await new Promise((r) => setTimeout(r, 20));
        const out = await ports.writeFinOps(ops);
        events.push(`written ${ops[0].entitySet}`);
        return out;
      },
    };
    const s = await runSync({ config, store, ports: logged, logger });
    expect(s.state).toBe('Succeeded');
    // the contracts' read starts before the accounts' (customers') writes are answered
    expect(events.indexOf('read contracts')).toBeLessThan(events.lastIndexOf('written CustomersV3'));
    expect(events.filter((e) => e === 'read contracts')).toHaveLength(1);
  });

  it('stops reading a task\'s changes once the task has failed', async () => {
    fake.pageSize = 1;
    const ports = fake.ports();
    let pulled = 0;
    const failing = {
      ...ports,
      readChanges: async function* (task: Parameters<typeof ports.readChanges>[0], token: string | undefined) {
        if (task.id !== 'accounts') return yield* ports.readChanges(task, token);
        for await (const page of ports.readChanges(task, token)) {
          pulled++;
          yield { ...page, deltaToken: undefined };
        }
        for (let i = 0; i < 8; i++) {
          pulled++;
          yield { rows: [], deleted: [], ...(i === 7 ? { deltaToken: 'end' } : {}) };
        }
      },
      writeFinOps: async () => {
        throw new Error('F&O down');
      },
    };
    // one batch in flight: the failure shows at the first full batch
    const s = await runSync({ config: { ...config, sync: { ...config.sync, parallelism: 1 } }, store, ports: failing, logger });
    expect(s.tasks.find((t) => t.task === 'accounts')).toMatchObject({ state: 'failed', failure: 'F&O down' });
    expect(pulled).toBeLessThan(6);
  });

  it('a started read hands its first page over, and its failure shows when that page is asked for', async () => {
    async function* pages() {
      yield { rows: [{ id: 1 }], deleted: [] };
      throw Object.assign(new Error('gone'), { status: 500 });
    }
    let asked = 0;
    const source = { [Symbol.asyncIterator]: () => { const it = pages(); return { next: () => { asked++; return it.next(); } }; } };
    const started = startRead(source);
    expect(asked).toBe(1);
    const it = started[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ rows: [{ id: 1 }], deleted: [] });
    await expect(it.next()).rejects.toThrow('gone');
  });

  it('writes nothing on a second run, and exactly one record after one field changes', async () => {
    await run();
    const before = fake.foOps;
    const second = await run();
    expect(fake.foOps).toBe(before);
    expect(second.upserts).toBe(0);
    expect(fake.probes).toBe(1);
    fake.put('msdyn_projects', 'msdyn_projectid', { msdyn_projectid: IDS.project, msdyn_subject: 'Fabrikam rollout v2' });
    const third = await run();
    expect(fake.foOps - before).toBe(1);
    expect(third.tasks.find((t) => t.task === 'projects')?.upserts).toBe(1);
    expect(fake.foRows('ProjCDSProjects')[0].ProjectName).toBe('Fabrikam rollout v2');
  });

  it('turns bad data into record errors, goes on with the rest, and syncs the record once fixed', async () => {
    fake.put('msdyn_projects', 'msdyn_projectid', { msdyn_projectid: IDS.project, msdyn_subject: 'x'.repeat(70) });
    const s = await run();
    expect(s.state).toBe('Warning');
    const projects = s.tasks.find((t) => t.task === 'projects');
    expect(projects?.errors).toBe(1);
    // the line and the tasks wait for the project, then fail naming it
    const errors = store.runs.results(s.runId, 'error');
    expect(errors.find((e) => e.task === 'projects')?.message).toMatch(/longer than 60 characters/);
    expect(errors.find((e) => e.task === 'contract-lines')?.message).toBe(`waiting for its project ${IDS.project}, which is not in F&O (not synced yet or failed); it is retried on the next run`);
    const status = fake.upserts.flatMap((u) => u.targets).find((t) => t.psafo_recordid === IDS.line);
    expect(status).toMatchObject({ psafo_state: SYNC_STATE.Error, psafo_message: expect.stringContaining('waiting for its project') });
    fake.put('msdyn_projects', 'msdyn_projectid', { msdyn_projectid: IDS.project, msdyn_subject: 'Fixed' });
    const fixed = await run();
    expect(fixed.state).toBe('Succeeded');
    expect(fixed.tasks.map((t) => [t.task, t.upserts])).toEqual([['accounts', 0], ['contracts', 0], ['projects', 1], ['contract-lines', 1], ['milestones', 1], ['tasks', 2]]);
  });

  it('resumes after a crash between the F&O write and the checkpoint without duplicates', async () => {
    fake.crashAfterBatches = 3;
    const crashed = await run();
    expect(crashed.state).toBe('Failed');
    fake.crashAfterBatches = undefined;
    const resumed = await run();
    expect(resumed.state).toBe('Succeeded');
    for (const set of ['CustomersV3', 'ProjCDSProjectContracts', 'ProjCDSProjects', 'ProjCDSContractLineImports', 'ProjCDSContractLineMilestoneImports', 'ProjCDSTasks']) {
      const keys = fake.foRows(set).length;
      expect({ set, keys }).toEqual({ set, keys: set === 'CustomersV3' || set === 'ProjCDSTasks' ? 2 : 1 });
    }
  });

  it('falls back from POST to PATCH when F&O already has the record', async () => {
    fake.fo.set('ProjCDSProjects', new Map([["(dataAreaId='USSI',ProjectID='PRJ-01049-CCNID0')", { dataAreaId: 'USSI', ProjectID: 'PRJ-01049-CCNID0', ProjectName: 'old' }]]));
    const s = await run();
    expect(s.errors).toBe(0);
    expect(fake.foRows('ProjCDSProjects')).toHaveLength(1);
    expect(fake.foRows('ProjCDSProjects')[0].ProjectName).toBe('Fabrikam rollout');
  });

  it('dry run prints what would be written and changes nothing', async () => {
    const writes: DryRunWrite[] = [];
    const s = await run({ dryRun: true, onDryRunWrite: (w) => writes.push(w) });
    expect(s.dryRun).toBe(true);
    expect(fake.foOps).toBe(0);
    expect(fake.upserts).toHaveLength(0);
    expect(writes.map((w) => w.task)).toEqual(['accounts', 'accounts', 'contracts', 'projects', 'contract-lines', 'milestones', 'tasks', 'tasks']);
    expect(writes.find((w) => w.task === 'contracts')?.payload).toMatchObject({ PaymentTerms: '2%10Net30', SourceDataID: 'Project Service Automation' });
    expect(store.runs.list()).toEqual([]);
    expect(store.deltaTokens.get('projects')).toBeUndefined();
  });
});

describe('runSync with a refused delta token', () => {
  it('falls back to a full read and writes nothing that did not change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'psafo-engine-token-'));
    const input = configInput();
    const config = parseConfig({ ...input, templates: { ...input.templates, enabled: ['accounts-to-customers'] }, store: { path: join(dir, 's.db') } }, join(dir, 'c.json'), TEST_ENV);
    const store = Store.open(config.store.path);
    const fake = new FakeServices();
    seedExample(fake);
    try {
      await runSync({ config, store, ports: fake.ports(), logger }, {});
      const ports = fake.ports();
      const refusing = {
        ...ports,
        readChanges: (task: Parameters<typeof ports.readChanges>[0], token: string | undefined) => {
          if (token !== undefined) throw Object.assign(new Error('Dataverse answered 400: expired token'), { status: 400 });
          return ports.readChanges(task, token);
        },
      };
      const before = fake.foOps;
      const s = await runSync({ config, store, ports: refusing, logger }, { templates: ['accounts-to-customers'] });
      expect(s.failedTasks).toBe(0);
      expect(s.tasks[0]).toMatchObject({ read: 1, unchanged: 2, upserts: 0 });
      expect(fake.foOps).toBe(before);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
