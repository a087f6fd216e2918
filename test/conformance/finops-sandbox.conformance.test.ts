import { startTestEmulators, type TestEmulators } from '../harness/emulators';

// Generous: CI runs every tier at once on 2 shared cores.
jest.setTimeout(60_000);

/** The F&O emulator inside the sandbox: identity-emulator tokens, the demo seed, and the admin endpoints through startEmulators. */
describe('F&O emulator in the sandbox (identity tokens, demo seed)', () => {
  let emu: TestEmulators;
  beforeAll(async () => {
    emu = await startTestEmulators({ seed: 'demo' });
  });
  afterAll(() => emu.close());

  it('accepts a client-credentials token for its own URL and rejects one for Dataverse', async () => {
    const fo = emu.fetchAs('finops');
    const ok = await fo('/data/LegalEntities');
    expect(ok.status).toBe(200);
    expect(ok.json<{ value: Array<{ LegalEntityId: string }> }>().value.map((l) => l.LegalEntityId).sort()).toEqual(['USMF', 'USSI']);
    const dvToken = await emu.token('dataverse');
    const res = await fetch(`${emu.urls.finops}/data/LegalEntities`, { headers: { Authorization: `Bearer ${dvToken}` } });
    expect(res.status).toBe(401);
  });

  it('serves the demo reference data: O_forecast and linked categories', async () => {
    const fo = emu.fetchAs('finops');
    const models = (await fo("/data/ForecastModels?$filter=ModelId eq 'O_forecast'")).json<{ value: unknown[] }>();
    expect(models.value).toHaveLength(1);
    const linked = (await fo("/data/ProjCDSCategories?$filter=IntegrationId ne ''")).json<{ value: Array<{ CategoryId: string }> }>();
    expect(linked.value.length).toBeGreaterThan(0);
  });

  it('treats the sandbox application as the integration for functionality locking', async () => {
    const fo = emu.fetchAs('finops');
    const json = { 'Content-Type': 'application/json' };
    expect((await fo("/data/ProjCDSIntegrationParameters(dataAreaId='usmf')", { method: 'PATCH', headers: json, body: JSON.stringify({ LockProjectEdit: 'Yes' }) })).status).toBe(204);
    const customer = (await fo('/data/CustomersV3?$top=1')).json<{ value: Array<{ CustomerAccount: string }> }>().value[0];
    expect((await fo('/data/ProjCDSProjectContracts', { method: 'POST', headers: json, body: JSON.stringify({ ProjectContractID: 'ORD-SBX-1', CustomerAccount: customer.CustomerAccount, CurrencyCode: 'USD', SourceDataID: 'Project Service Automation' }) })).status).toBe(201);
    expect((await fo('/data/ProjCDSProjects', { method: 'POST', headers: json, body: JSON.stringify({ ProjectID: 'PRJ-SBX-1', ProjectName: 'Sandbox', ProjectContractID: 'ORD-SBX-1', SourceDataID: 'Project Service Automation' }) })).status).toBe(201);
    const patched = await fo("/data/ProjCDSProjects(dataAreaId='usmf',ProjectID='PRJ-SBX-1')", { method: 'PATCH', headers: json, body: JSON.stringify({ ProjectName: 'Renamed by the integration' }) });
    expect(patched.status).toBe(204);
  });

  it('runs import-staging and post-journal on the demo companies', async () => {
    const res = await fetch(`${emu.urls.finops}/_emulator/import-staging`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { companies: Array<{ dataAreaId: string }> };
    expect(body.companies.map((c) => c.dataAreaId).sort()).toEqual(['usmf', 'ussi']);
    expect((await fetch(`${emu.urls.finops}/_emulator/post-journal`, { method: 'POST' })).status).toBe(200);
  });
});
