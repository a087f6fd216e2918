import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { postForm, rawRequest } from '../harness/emulators';

// Each test spawns the CLI (tsx start-up plus three servers): allow for a slow shared machine.
jest.setTimeout(60000);

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'psa-fo-sync.js');

interface Ready {
  event: string;
  dataverse: string;
  finops: string;
  identity: string;
  ca: string;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  ready: Ready;
  lines: string[];
  exited: Promise<number | null>;
}

function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'emulate', ...args], { cwd: ROOT, env: { ...process.env, PSAFO_LOG_LEVEL: 'warn' } });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      lines.push(line);
      if (lines.length === 1) {
        try {
          resolve({ child, ready: JSON.parse(line) as Ready, lines, exited });
        } catch (err) {
          reject(new Error(`first stdout line is not JSON: ${line}`, { cause: err }));
        }
      }
    });
    void exited.then((code) => reject(new Error(`emulate exited with ${code} before the ready line: ${stderr}`)));
  });
}

async function stop(s: Started, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  s.child.kill(signal);
  return s.exited;
}

async function tokenFor(ready: Ready, ca: string, audience: string): Promise<string> {
  const res = await postForm(`${ready.identity}/sandbox/oauth2/v2.0/token`, {
    grant_type: 'client_credentials', client_id: 'psafo-sandbox', client_secret: 'sandbox-secret', scope: `${audience}/.default`,
  }, ca);
  expect(res.status).toBe(200);
  return res.json<{ access_token: string }>().access_token;
}

describe('psa-fo-sync emulate', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'psafo-emulate-test-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the ready line first, serves all three emulators with the demo data, and stops with exit code 0 on SIGTERM', async () => {
    const s = await start(['--ports', '0,0,0']);
    try {
      expect(s.ready.event).toBe('ready');
      expect(s.ready.dataverse).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(s.ready.finops).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(s.ready.identity).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = readFileSync(s.ready.ca, 'utf8');
      const dv = await rawRequest(`${s.ready.dataverse}/api/data/v9.2/msdyn_projects?$select=msdynce_projectnumber`, {
        headers: { Authorization: `Bearer ${await tokenFor(s.ready, ca, s.ready.dataverse)}`, Accept: 'application/json' },
      });
      expect(dv.status).toBe(200);
      expect(dv.json<{ value: unknown[] }>().value).toHaveLength(5);
      const fo = await rawRequest(`${s.ready.finops}/data/ForecastModels?cross-company=true`, {
        headers: { Authorization: `Bearer ${await tokenFor(s.ready, ca, s.ready.finops)}`, Accept: 'application/json' },
      });
      expect(fo.status).toBe(200);
      expect(fo.json<{ value: Array<{ ModelId: string }> }>().value.map((m) => m.ModelId)).toContain('O_forecast');
      expect((await rawRequest(`${s.ready.finops}/data/ForecastModels`)).status).toBe(401);
    } finally {
      expect(await stop(s)).toBe(0);
    }
    expect(s.lines.slice(1).some((l) => l.startsWith('Seeded     demo'))).toBe(true);
    expect(existsSync(s.ready.ca)).toBe(false);
  });

  it('with --data-dir keeps data, the CA and the signing key across a restart (SIGINT), and does not seed twice', async () => {
    const first = await start(['--ports', '0,0,0', '--data-dir', dataDir, '--seed', 'none']);
    let token: string;
    let caPem: string;
    let jwks: string;
    try {
      expect(first.ready.ca).toBe(join(dataDir, 'ca.pem'));
      caPem = readFileSync(first.ready.ca, 'utf8');
      jwks = (await rawRequest(`${first.ready.identity}/sandbox/discovery/v2.0/keys`, { ca: caPem })).text;
      token = await tokenFor(first.ready, caPem, first.ready.dataverse);
      const created = await rawRequest(`${first.ready.dataverse}/api/data/v9.2/accounts`, {
        method: 'POST', body: JSON.stringify({ name: 'Persisted Ltd', accountnumber: 'ACC-99999-PERSIS' }),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
      expect(created.status).toBe(204);
    } finally {
      expect(await stop(first, 'SIGINT')).toBe(0);
    }
    const second = await start(['--ports', '0,0,0', '--data-dir', dataDir, '--seed', 'demo']);
    try {
      expect(readFileSync(second.ready.ca, 'utf8')).toBe(caPem);
      expect((await rawRequest(`${second.ready.identity}/sandbox/discovery/v2.0/keys`, { ca: caPem })).text).toBe(jwks);
      const fresh = await tokenFor(second.ready, caPem, second.ready.dataverse);
      const list = await rawRequest(`${second.ready.dataverse}/api/data/v9.2/accounts?$select=name`, {
        headers: { Authorization: `Bearer ${fresh}`, Accept: 'application/json' },
      });
      expect(list.status).toBe(200);
      // Kept from the first run; the demo seed was not applied because the directory was seeded (with none) before.
      expect(list.json<{ value: Array<{ name: string }> }>().value.map((a) => a.name)).toEqual(['Persisted Ltd']);
      expect(second.lines.some((l) => l.startsWith('Data       kept from'))).toBe(true);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it.each([
    [['--ports', '1,2'], /three ports/],
    [['--ports', '0,0,0', '--seed', 'bogus'], /Unknown dataset "bogus"/],
    [['--latency-ms', 'fast'], /whole milliseconds/],
  ])('rejects %p with exit code 2 and a message saying what to do', async (args, message) => {
    const child = spawn(process.execPath, [BIN, 'emulate', ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('says which port is taken when a fixed port is in use', async () => {
    const s = await start(['--ports', '0,0,0']);
    try {
      const busy = new URL(s.ready.finops).port;
      const child = spawn(process.execPath, [BIN, 'emulate', '--ports', `0,${busy},0`], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(stderr).toContain(`port ${busy}: it is in use`);
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });
});
