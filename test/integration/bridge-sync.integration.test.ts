import { SYNC_STATE } from '../../solution/tables/syncstatus';
import { PROJECT, PROJECT_NUMBER } from '../../emulators/seed/demo/projects';
import { eventually, startTestSandbox, type TestSandbox } from '../harness/sandbox';

// The bridge service in the sandbox: Sync now through the Custom API, live sync through the
// asynchronous webhook steps that deploy registered, and the guards of its endpoints.
describe('bridge service in the sandbox', () => {
  let t: TestSandbox;

  beforeAll(async () => {
    // No schedule: everything below must come from Sync now and the live webhook steps.
    t = await startTestSandbox({ scheduleMinutes: null });
  }, 300_000);
  afterAll(() => t?.close());

  const statusOf = async (entity: string, id: string) => {
    const rows = await t.services.dataverse.api.retrieveMultiple({
      collection: 'psafo_syncstatuses',
      filter: `psafo_entitylogicalname eq '${entity}' and psafo_recordid eq '${id}'`,
    });
    return rows.value[0] as Record<string, unknown> | undefined;
  };

  it('Sync now of a demo project: the status row says Synced with the F&O project id, and F&O holds the project, contract, lines, milestones and tasks', async () => {
    await t.services.dataverse.api.callAction({ actionName: 'psafo_SyncNow', action: { EntityLogicalName: 'msdyn_project', RecordIds: [PROJECT.p1] } });
    const row = await eventually('the project status row to say Synced', async () => {
      const r = await statusOf('msdyn_project', PROJECT.p1);
      return r && r.psafo_state === SYNC_STATE.Synced ? r : undefined;
    });
    expect(String(row.psafo_finopskey)).toContain(PROJECT_NUMBER.p1);
    const projects = await t.finops(`ProjCDSProjects?$filter=ProjectID eq '${PROJECT_NUMBER.p1}'`);
    expect(projects).toHaveLength(1);
    const contractId = projects[0].ProjectContractID;
    expect(await t.finops(`ProjCDSProjectContracts?$filter=ProjectContractID eq '${contractId}'`)).toHaveLength(1);
    expect((await t.finops(`ProjCDSContractLineImports?$filter=ContractId eq '${contractId}'`)).length).toBeGreaterThan(0);
    expect((await t.finops(`ProjCDSContractLineMilestoneImports`)).length).toBeGreaterThan(0);
    expect((await t.finops(`ProjCDSTasks?$filter=ProjectId eq '${PROJECT_NUMBER.p1}'`)).length).toBeGreaterThan(0);
  }, 120_000);

  it('renaming a project in Dataverse updates F&O with no manual trigger', async () => {
    await t.services.dataverse.api.update({ collection: 'msdyn_projects', key: PROJECT.p2, data: { msdyn_subject: 'Fabrikam data platform (renamed)' } });
    await eventually('F&O to carry the new project name', async () => {
      const rows = await t.finops(`ProjCDSProjects?$filter=ProjectID eq '${PROJECT_NUMBER.p2}'`);
      return rows[0]?.ProjectName === 'Fabrikam data platform (renamed)' ? rows[0] : undefined;
    }, 60_000);
  }, 120_000);

  it('/readyz says which service is down, with one probe each (no retry loop), and recovers', async () => {
    const ready = await fetch(`${t.sandbox.urls.bridge}/readyz`);
    expect(ready.status).toBe(200);
    const faults = `${t.sandbox.urls.finops}/_emulator/faults`;
    await fetch(`${t.sandbox.urls.finops}/_emulator/requests`, { method: 'DELETE' });
    await fetch(faults, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ path: '/data', rate503: 1 }]) });
    const down = await fetch(`${t.sandbox.urls.bridge}/readyz`);
    const body = (await down.json()) as { checks: Record<string, { ok: boolean }> };
    await fetch(faults, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(down.status).toBe(503);
    expect(body.checks).toMatchObject({ store: { ok: true }, dataverse: { ok: true }, finops: { ok: false } });
    const seen = (await (await fetch(`${t.sandbox.urls.finops}/_emulator/requests`)).json()) as { total: number };
    expect(seen.total).toBeLessThanOrEqual(2); // the PUT of the faults and one probe; a retrying probe makes more
    expect((await fetch(`${t.sandbox.urls.bridge}/readyz`)).status).toBe(200);
  });

  it('refuses webhook deliveries without the key or with a wrong one', async () => {
    const url = `${t.sandbox.urls.bridge}/dataverse/webhook`;
    const body = JSON.stringify({ MessageName: 'Update', PrimaryEntityName: 'msdyn_project', PrimaryEntityId: PROJECT.p3 });
    const none = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-psafo-key': 'wrong' }, body });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(t.sandbox.bridge.store.queue.isQueued('msdyn_project', PROJECT.p3)).toBe(false);
  });

  it('admin API: 401 without a token and with a token for another audience; 200 with one for api://psa-fo-sync', async () => {
    const url = `${t.sandbox.urls.bridge}/api/runs`;
    expect((await fetch(url)).status).toBe(401);
    const identity = t.sandbox.emulators.identity;
    const other = await identity.mintToken({ audience: t.sandbox.urls.dataverse });
    expect((await fetch(url, { headers: { authorization: `Bearer ${other}` } })).status).toBe(401);
    const good = await identity.mintToken({ audience: 'api://psa-fo-sync' });
    const res = await fetch(url, { headers: { authorization: `Bearer ${good}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: unknown[] }).value.length).toBeGreaterThan(0);
    const status = await fetch(`${t.sandbox.urls.bridge}/api/status/msdyn_project/${PROJECT.p1}`, { headers: { authorization: `Bearer ${good}` } });
    expect(await status.json()).toMatchObject({ entity: 'msdyn_project', id: PROJECT.p1, state: 'Synced', legalEntity: 'USMF' });
  });
});
