import type { Command } from 'commander';
import { latencyMs, portList } from './options';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { untilSignal } from './signals';

interface SandboxCliOptions {
  dataDir?: string;
  seed: string;
  ports: { bridge: number; dataverse: number; finops: number; identity: number };
  latencyMs?: number;
}

export const parseSandboxPorts = portList(['bridge', 'dataverse', 'finops', 'identity'] as const, 'bridge,Dataverse,F&O,identity', '7070,7071,7072,7073');

/** `sandbox` (`npm start`): the emulators, the deployed solution and the bridge on this machine. */
export function sandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('start the emulators with demo data, deploy the solution into them and run the bridge')
    .option('--data-dir <dir>', 'keep the sandbox (data, CA, config.json) in this folder; a temporary folder otherwise')
    .option('--seed <dataset>', 'demo | none | large:N', 'demo')
    .option('--ports <B,D,F,I>', 'ports of the bridge, Dataverse, F&O and identity (0 = a free port)', parseSandboxPorts, parseSandboxPorts('7070,7071,7072,7073'))
    .option('--latency-ms <n>', 'added latency on every emulator request', latencyMs)
    .action(async (opts: SandboxCliOptions) => {
      // loaded when used: the other commands do not pay for the emulators in memory
      const { startSandbox } = require('../sandbox/start-sandbox') as typeof import('../sandbox/start-sandbox');
      const logger = pino({ level: process.env.PSAFO_LOG_LEVEL ?? 'warn' }, pino.destination(2));
      const dataDir = opts.dataDir ? resolve(opts.dataDir) : await mkdtemp(join(tmpdir(), 'psafo-sandbox-'));
      const sandbox = await startSandbox({ dataDir, seed: opts.seed, ports: opts.ports, latencyMs: opts.latencyMs, logger });
      const { bridge, dataverse, finops, identity } = sandbox.urls;
      const out = (line = '') => process.stdout.write(`${line}\n`);
      out(JSON.stringify({ event: 'ready', bridge, dataverse, finops, identity, config: sandbox.configPath }));
      out();
      out('psa-fo-sync sandbox is running.');
      out(`  Bridge      ${bridge}/   (health ${bridge}/healthz)`);
      out(`  Dataverse   ${dataverse}/api/data/v9.2/`);
      out(`  F&O         ${finops}/data/`);
      out(`  Identity    ${identity}/sandbox/oauth2/v2.0/token   (CA: ${sandbox.caPath})`);
      out(`  Solution    ${sandbox.deployed.map((c) => `${c.kind} ${c.action}`).filter((s) => !s.endsWith('unchanged')).length} change(s) deployed into the Dataverse emulator`);
      out();
      out('Next steps:');
      out(`  npx psa-fo-sync run --config ${sandbox.configPath}       # sync all templates now`);
      out(`  npx psa-fo-sync runs --config ${sandbox.configPath}      # run history`);
      out(`  npx psa-fo-sync doctor --config ${sandbox.configPath}    # check configuration and metadata`);
      out('Press Ctrl+C to stop.');
      await untilSignal();
      await sandbox.close();
      out('Stopped.');
    });
}
