import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT, PROJECT_NUMBER } from '../../emulators/seed/demo/projects';
import { runCli } from '../fixtures/engine/cli';
import { sandboxConfig, startEngineSandbox, type EngineSandbox } from '../fixtures/engine/sandbox';
import { foSnapshot } from '../fixtures/engine/snapshot';

const PSA_TO_FO = ['accounts-to-customers', 'projects-and-contracts', 'project-tasks', 'expense-categories-to-psa', 'expense-categories-to-fo', 'hour-estimates', 'expense-estimates', 'actuals'];
const templateArgs = PSA_TO_FO.flatMap((t) => ['--template', t]);

describe('CLI against the emulators', () => {
  let reference: EngineSandbox;
  let sb: EngineSandbox;
  beforeAll(async () => {
    reference = await startEngineSandbox();
    sb = await startEngineSandbox();
  }, 300_000);
  afterAll(async () => {
    await reference?.close();
    await sb?.close();
  });

  it('doctor names a wrong entity set name and a mapped field F&O lacks', async () => {
    const file = join(sb.dir, 'doctor.json');
    const base = sandboxConfig(sb.em.urls, sb.dir);
    writeFileSync(file, JSON.stringify({ ...base, finops: { ...base.finops, entitySets: { tasks: 'ProjCDSTask', hourEstimates: 'ProjCDSEstimateExpensesImports' } } }));
    const r = await runCli(['doctor', '--config', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✓ Dataverse reachable');
    expect(r.stdout).toContain("✗ project-tasks/tasks: F&O entity set 'ProjCDSTask' (finops.entitySets.tasks) does not exist in the F&O $metadata; fix the name in the configuration");
    expect(r.stdout).toContain("✗ hour-estimates/hour-estimates: F&O field 'ProjCDSEstimateExpensesImports.Duration' does not exist (mapped from msdyn_effort)");
    expect(r.stdout).toContain("✓ forecast model 'O_forecast' exists in USMF, USSI");
    const dry = await runCli(['run', '--dry-run', '--template', 'accounts-to-customers', '--config', join(sb.dir, 'config.json')]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^POST CustomersV3 \{"dataAreaId":"USMF","CustomerAccount":"ACC-01000-AWRK01"\}/m);
    expect(dry.stdout).toContain('    OrganizationName = "Adventure Works"');
    expect(dry.stdout).toContain('(dry run, nothing written)');
    expect(await sb.foRows('CustomersV3', "$filter=CustomerAccount eq 'ACC-01000-AWRK01'")).toEqual([]);
    const good = await runCli(['doctor', '--config', join(sb.dir, 'config.json')]);
    expect(good.stdout).toContain('no problems found');
    expect(good.code).toBe(0);
  }, 120_000);

  it('killed with SIGKILL at several points and started again, F&O ends as after an uninterrupted run, with no staging actual twice', async () => {
    await reference.run({ templates: PSA_TO_FO as never });
    await sb.admin('finops', 'PUT', 'faults', { latencyMs: 25, rules: [] });
    await sb.admin('dataverse', 'PUT', 'faults', { latencyMs: 25, rules: [] });
    const config = join(sb.dir, 'config.json');
    const kills = [
      (out: string) => out.includes('accounts:'),
      (out: string) => out.includes('milestones:'),
      (out: string) => out.includes('expense-estimates:'),
    ];
    const killed = [];
    for (const killWhen of kills) killed.push(await runCli(['run', '--config', config, ...templateArgs], { killWhen, killDelayMs: 150 }));
    expect(killed.map((k) => k.signal)).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL']);
    const final = await runCli(['run', '--config', config, ...templateArgs]);
    expect(final.stderr).toBe('');
    expect([0, 1]).toContain(final.code);
    expect(final.stdout).toMatch(/template\s+task\s+read\s+written/);
    await sb.admin('finops', 'PUT', 'faults', { latencyMs: 0, rules: [] });
    await sb.admin('dataverse', 'PUT', 'faults', { latencyMs: 0, rules: [] });
    expect(await foSnapshot(sb)).toEqual(await foSnapshot(reference));
    const staging = (await sb.foRows('ProjCDSActualsImports')).map((r) => `${String(r.dataAreaId)}|${String(r.ActualId)}`);
    expect(new Set(staging).size).toBe(staging.length);
    const runs = await runCli(['runs', '--config', config]);
    expect(runs.stdout.split('\n').filter((l) => / Failed /.test(l)).length).toBeGreaterThanOrEqual(3);
    const status = await runCli(['status', 'msdyn_project', PROJECT.p1, '--config', config]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`msdyn_project ${PROJECT.p1}: Synced`);
    expect(status.stdout).toContain(`"ProjectID":"${PROJECT_NUMBER.p1}"`);
  }, 300_000);
});
