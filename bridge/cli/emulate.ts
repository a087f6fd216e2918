import type { Command } from 'commander';
import { latencyMs, portList } from './options';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { EmulatorPorts } from '../../emulators';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT } from '../../emulators/identity/constants';

/**
 * `psa-fo-sync emulate`: starts the Dataverse, F&O and identity emulators without the bridge (DESIGN §4).
 * Prints one JSON ready line first on stdout, then human-readable lines; stops on SIGINT/SIGTERM.
 * The CLI is the one product adapter allowed to import `emulators/`.
 */
export const DEFAULT_EMULATOR_PORTS = '7071,7072,7073';

export const parsePorts = portList(['dataverse', 'finops', 'identity'] as const, 'Dataverse,F&O,identity', DEFAULT_EMULATOR_PORTS);

interface EmulateOptions {
  dataDir?: string;
  seed: string;
  ports: Required<EmulatorPorts>;
  latencyMs?: number;
}

async function run(opts: EmulateOptions): Promise<void> {
  const logger = pino({ level: process.env.PSAFO_LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const { startEmulators } = require('../../emulators') as typeof import('../../emulators'); // loaded when used
  const running = await startEmulators({ dataDir: opts.dataDir, seed: opts.seed, ports: opts.ports, latencyMs: opts.latencyMs, logger });
  let tempDir: string | undefined;
  let caPath = running.caPath;
  if (!caPath) {
    tempDir = await mkdtemp(join(tmpdir(), 'psafo-emulate-'));
    caPath = join(tempDir, 'ca.pem');
    await writeFile(caPath, running.caPem);
  }
  const { dataverse, finops, identity } = running.urls;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(JSON.stringify({ event: 'ready', dataverse, finops, identity, ca: caPath }));
  out(`Dataverse  ${dataverse}/api/data/v9.2/`);
  out(`F&O        ${finops}/data/`);
  out(`Identity   ${identity}/${SANDBOX_TENANT}/oauth2/v2.0/token  (client ${SANDBOX_CLIENT_ID}, secret ${SANDBOX_CLIENT_SECRET}, scope <service url>/.default)`);
  out(`CA         ${caPath}  (trust it: NODE_EXTRA_CA_CERTS=${caPath} or curl --cacert ${caPath})`);
  out(running.seeded
    ? `Seeded     ${running.seeded.dataset}: ${running.seeded.dataverse} Dataverse and ${running.seeded.finops} F&O records`
    : `Data       kept from ${opts.dataDir} (already seeded)`);
  out('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      logger.info({ signal }, 'stopping emulators');
      resolve();
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  await running.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  out('Stopped.');
}

export function emulate(program: Command): void {
  program
    .command('emulate')
    .description('start the Dataverse, F&O and identity emulators (no bridge)')
    .option('--data-dir <dir>', 'keep emulator state (SQLite) and the CA (ca.pem) in this folder; in memory otherwise')
    .option('--seed <dataset>', 'demo | none | large:N', 'demo')
    .option('--ports <D,F,I>', 'ports of Dataverse, F&O and identity (0 = a free port)', parsePorts, parsePorts(DEFAULT_EMULATOR_PORTS))
    .option('--latency-ms <n>', 'added latency on every emulator request', latencyMs)
    .action((opts: EmulateOptions) => run(opts));
}
