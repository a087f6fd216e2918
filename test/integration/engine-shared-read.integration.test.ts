import { startEngineSandbox, type EngineSandbox } from '../fixtures/engine/sandbox';

/**
 * The expense estimates' and the actuals' TransactionConnections tasks read the same Dataverse table
 * (change tracking allows no $filter): in one run, from the same token, the table is read once and
 * each page goes to both tasks.
 */
const TEMPLATES = ['accounts-to-customers', 'projects-and-contracts', 'project-tasks', 'expense-categories-to-psa', 'expense-categories-to-fo', 'hour-estimates', 'expense-estimates', 'actuals'] as const;
const CONNECTIONS = 'GET /api/data/v9.2/msdyn_transactionconnections';

describe('one read of the transaction connections for both relationship tasks', () => {
  let sb: EngineSandbox;
  const reads = (): number => sb.em.running.dataverse.counters.snapshot().byRoute[CONNECTIONS] ?? 0;
  const types = async (): Promise<string[]> =>
    (await sb.foRows<{ Transaction1Type: string }>('ProjCDSTransactionRelationshipImports', '$select=Transaction1Type')).map((r) => r.Transaction1Type).sort();

  beforeAll(async () => {
    sb = await startEngineSandbox();
  }, 120_000);
  afterAll(async () => {
    await sb?.close();
  });

  it('reads the table once, and both tasks write their connections, in plan order in the summary', async () => {
    sb.em.running.dataverse.counters.reset();
    const s = await sb.run({ templates: [...TEMPLATES] });
    expect(s.failedTasks).toBe(0);
    expect(reads()).toBe(1);
    const tasks = s.tasks.map((t) => t.task);
    expect(tasks.indexOf('estimate-relationships')).toBeLessThan(tasks.indexOf('actuals'));
    const estimates = s.tasks.find((t) => t.task === 'estimate-relationships');
    const actuals = s.tasks.find((t) => t.task === 'actual-relationships');
    expect(estimates?.upserts).toBeGreaterThan(0);
    expect(actuals?.upserts).toBeGreaterThan(0);
    const written = await types();
    expect(written.filter((t) => t === 'msdyn_estimateline')).toHaveLength(estimates?.upserts ?? -1);
    expect(written.filter((t) => t === 'msdyn_actual')).toHaveLength(actuals?.upserts ?? -1);
    // both saved the token of the one read, so the next run shares its read of the changes too
    const token = sb.store.deltaTokens.get('actual-relationships');
    expect(token).toBeDefined();
    expect(sb.store.deltaTokens.get('estimate-relationships')).toBe(token);
    await sb.run({ templates: [...TEMPLATES] });
    expect(sb.store.deltaTokens.get('estimate-relationships')).toBe(sb.store.deltaTokens.get('actual-relationships'));
  }, 120_000);

  it('the tokens part when one of the templates runs alone; a full run reads once again', async () => {
    await sb.run({ templates: ['expense-estimates'] });
    expect(sb.store.deltaTokens.get('estimate-relationships')).not.toBe(sb.store.deltaTokens.get('actual-relationships'));
    sb.em.running.dataverse.counters.reset();
    const s = await sb.run({ templates: [...TEMPLATES], full: true });
    expect(s.failedTasks).toBe(0);
    // a full run reads from no token: together again
    expect(reads()).toBe(1);
  }, 120_000);
});
