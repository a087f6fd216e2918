import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import { createJwksVerifier } from './common/auth';
import { DataverseEmulator } from './dataverse/server';
import { installAppHost } from './dataverse/apphost/install';
import { FinOpsEmulator } from './finops';
import { IdentityEmulator } from './identity/server';
import { BRIDGE_API_AUDIENCE, SANDBOX_TENANT } from './identity/constants';
import { SANDBOX_APP } from './identity/config';
import type { IdentityApp } from './identity/config';
import { parseDatasetName, resolveDataset } from './seed';

/**
 * Starts the three emulators (identity first: the others verify its tokens through its JWKS over https),
 * registers their URLs as token audiences and seeds them. With `dataDir`, state lives in SQLite files and the
 * CA in `<dataDir>/ca.pem`; a data directory that was seeded before is not seeded again (restart keeps data).
 */
export interface EmulatorPorts {
  dataverse?: number;
  finops?: number;
  identity?: number;
}

export interface StartEmulatorsOptions {
  dataDir?: string;
  /** `demo` (default), `none` or `large:N`. */
  seed?: string;
  ports?: EmulatorPorts;
  host?: string;
  latencyMs?: number;
  logger?: Logger;
  /** Applications the identity emulator knows besides the sandbox app (e.g. a separate admin-API client). */
  identityApps?: IdentityApp[];
}

export interface RunningEmulators {
  urls: { dataverse: string; finops: string; identity: string };
  caPem: string;
  caPath?: string;
  dataverse: DataverseEmulator;
  finops: FinOpsEmulator;
  identity: IdentityEmulator;
  /** What was seeded now (`undefined` when a persisted data directory was reused). */
  seeded?: { dataset: string; dataverse: number; finops: number };
  close(): Promise<void>;
}

export class EmulatorStartError extends Error {
  readonly code = 'EMULATOR_START_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const SEED_MARKER = 'seeded.json';

function startFailure(name: string, port: number | undefined, err: unknown): EmulatorStartError {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new EmulatorStartError(`The ${name} emulator cannot listen on port ${port}: it is in use. Stop the other process or pass other ports (--ports 0,0,0 picks free ones).`, { cause: err });
  }
  return new EmulatorStartError(`The ${name} emulator did not start: ${(err as Error).message}`, { cause: err });
}

async function closeAll(servers: Array<{ close(): Promise<void> }>): Promise<void> {
  const results = await Promise.allSettled([...servers].reverse().map((s) => s.close()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export async function startEmulators(options: StartEmulatorsOptions = {}): Promise<RunningEmulators> {
  const dataset = options.seed ?? 'demo';
  parseDatasetName(dataset);
  const logger = options.logger ?? pino({ level: 'silent' });
  const host = options.host ?? '127.0.0.1';
  const { dataDir, latencyMs } = options;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const started: Array<{ close(): Promise<void> }> = [];

  try {
    const identity = new IdentityEmulator({
      host, port: options.ports?.identity, dataDir, latencyMs, logger: logger.child({ emulator: 'identity' }),
      apps: [SANDBOX_APP, ...(options.identityApps ?? [])], resources: [BRIDGE_API_AUDIENCE],
    });
    await identity.start().catch((err: unknown) => { throw startFailure('identity', options.ports?.identity, err); });
    started.push(identity);
    const auth = createJwksVerifier({ jwksUrl: identity.jwksUrl(), issuer: identity.issuer(), ca: identity.caPem });
    const datasets = (name: string) => resolveDataset(name);

    const finops = new FinOpsEmulator({ host, port: options.ports?.finops, dataDir, latencyMs, auth, datasets, logger: logger.child({ emulator: 'finops' }) });
    await finops.start().catch((err: unknown) => { throw startFailure('F&O', options.ports?.finops, err); });
    started.push(finops);
    identity.addResource(finops.url);

    const dataverse = new DataverseEmulator({
      host, port: options.ports?.dataverse, dataDir, latencyMs, auth, logger: logger.child({ emulator: 'dataverse' }),
      // 401 answers point clients at our identity emulator, as Dataverse points at login.microsoftonline.com.
      authorizationUri: `${identity.url}/${SANDBOX_TENANT}/oauth2/authorize`,
    });
    await dataverse.start().catch((err: unknown) => { throw startFailure('Dataverse', options.ports?.dataverse, err); });
    started.push(dataverse);
    identity.addResource(dataverse.url);
    // The model-driven app host (main.aspx): its browser session is the sandbox app signed in at the identity emulator.
    installAppHost(dataverse, dataverse, { signIn: () => identity.mintToken({ audience: dataverse.url }) });

    let seeded: RunningEmulators['seeded'];
    const marker = dataDir ? join(dataDir, SEED_MARKER) : undefined;
    if (!marker || !existsSync(marker)) {
      const set = resolveDataset(dataset);
      seeded = { dataset, dataverse: (await dataverse.seed(set)).total, finops: finops.seed(set) };
      if (marker) await writeFile(marker, JSON.stringify({ ...seeded, at: new Date().toISOString() }, null, 2));
    } else {
      logger.info({ marker: await readFile(marker, 'utf8') }, 'data directory already seeded; keeping its data');
    }

    return {
      urls: { dataverse: dataverse.url, finops: finops.url, identity: identity.url },
      caPem: identity.caPem,
      caPath: identity.caPath,
      dataverse,
      finops,
      identity,
      seeded,
      close: () => closeAll(started),
    };
  } catch (err) {
    await closeAll(started).catch(() => undefined);
    throw err;
  }
}
