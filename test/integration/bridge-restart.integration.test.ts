import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT, PROJECT_NUMBER } from '../../emulators/seed/demo/projects';
import { eventually, startTestSandbox, type TestSandbox } from '../harness/sandbox';

// The bridge as its own process (`serve --config`): killed with SIGKILL while records are queued,
// started again, it syncs them; a delivery that Dataverse retries is queued once.
const ROOT = join(__dirname, '..', '..');

function serve(configPath: string): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'psa-fo-sync.js'), 'serve', '--config', configPath], {
    cwd: ROOT,
    env: { ...process.env, PSAFO_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${buffer.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bridge exited (${code}) before ${pattern}:\n${buffer.slice(-2000)}`)));
  });
}

describe('bridge restart', () => {
  let t: TestSandbox;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    t = await startTestSandbox({ scheduleMinutes: null });
    await t.sandbox.bridge.close(); // the in-process bridge leaves; its port is taken by the child below
  }, 300_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await t?.sandbox.emulators.close();
  });

  it('processes after a SIGKILL what was queued before it, and a retried delivery once', async () => {
    child = serve(t.sandbox.configPath);
    await waitForLine(child, /"event":"ready"/);
    // F&O answers slowly so that the first run is still busy when the bridge is killed.
    await fetch(`${t.sandbox.urls.finops}/_emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 2000 }) });

    const renamed = { [PROJECT.p2]: 'Fabrikam data platform (restart)', [PROJECT.p3]: 'Litware finance (restart)', [PROJECT.p5]: 'Fabrikam reporting (restart)' };
    const queuedLines = waitForLine(child, /webhook delivery queued[\s\S]*/);
    for (const [id, name] of Object.entries(renamed)) {
      await t.services.dataverse.api.update({ collection: 'msdyn_projects', key: id, data: { msdyn_subject: name } });
    }
    await queuedLines;
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    const numbers: Record<string, string> = { [PROJECT.p2]: PROJECT_NUMBER.p2, [PROJECT.p3]: PROJECT_NUMBER.p3, [PROJECT.p5]: PROJECT_NUMBER.p5 };
    const namesInFinOps = async () => {
      const rows = await t.finops('ProjCDSProjects');
      return Object.keys(renamed).filter((id) => rows.some((r) => r.ProjectID === numbers[id] && r.ProjectName === renamed[id]));
    };
    expect((await namesInFinOps()).length).toBeLessThan(3); // the kill interrupted the work

    const { sandbox } = t;
    await fetch(`${t.sandbox.urls.finops}/_emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 0 }) });
    child = serve(sandbox.configPath);
    await waitForLine(child, /"event":"ready"/);
    // No schedule and no new delivery: only the durable queue can bring these changes to F&O.
    for (const [id, name] of Object.entries(renamed)) {
      await eventually(`F&O to carry ${name}`, async () => {
        const rows = await t.finops(`ProjCDSProjects?$filter=ProjectID eq '${numbers[id]}'`);
        return rows[0]?.ProjectName === name ? rows[0] : undefined;
      }, 90_000);
    }
    // A webhook delivery that Dataverse retries carries the same RequestId.
    const key = JSON.parse(readFileSync(sandbox.configPath, 'utf8')).sandbox.webhookKey as string;
    const delivery = { MessageName: 'Update', PrimaryEntityName: 'msdyn_project', PrimaryEntityId: PROJECT.p1, RequestId: '9b2b7c11-0000-4000-8000-00000000abcd' };
    const post = () => fetch(`${sandbox.urls.bridge}/dataverse/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-psafo-key': key }, body: JSON.stringify(delivery) }).then((r) => r.json() as Promise<{ queued: number; duplicates: number }>);
    const first = await post();
    const retried = await post();
    expect(first.queued + first.duplicates).toBe(1);
    expect(retried).toEqual({ queued: 0, duplicates: 1 });
    const projects = await t.finops('ProjCDSProjects');
    const ids = projects.map((p) => `${p.dataAreaId}/${p.ProjectID}`);
    expect(new Set(ids).size).toBe(ids.length);
  }, 240_000);
});
