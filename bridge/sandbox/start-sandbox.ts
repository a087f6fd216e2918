import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { startEmulators, type RunningEmulators } from '../../emulators';
import { BRIDGE_API_AUDIENCE, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT } from '../../emulators/identity/constants';
import { FORECAST_MODEL, ORG_UNIT_LEGAL_ENTITY } from '../../emulators/seed/constants';
import { ensureSolutionBuilt } from '../../scripts/ensure-built';
import { parseConfig, type Config } from '../config';
import { createServices } from '../engine';
import { deploy } from '../deploy/deploy';
import type { DeployChange } from '../deploy/port';
import { deployDataverseOver } from '../deploy/dynamics-adapter';
import { startBridgeService, type RunningBridge } from '../service/service';
import { dataverseSources, enabledTemplates } from '../templates/sources';
import { sandboxConfig } from './sandbox-config';

export interface SandboxOptions {
  dataDir: string;
  seed: string;
  ports: { bridge: number; dataverse: number; finops: number; identity: number };
  latencyMs?: number;
  /** Catch-up interval of the sandbox bridge (default 1 minute); null = live and Sync now only. */
  scheduleMinutes?: number | null;
  logger: Logger;
}

export interface RunningSandbox {
  urls: { bridge: string; dataverse: string; finops: string; identity: string };
  configPath: string;
  caPath: string;
  config: Config;
  deployed: DeployChange[];
  emulators: RunningEmulators;
  bridge: RunningBridge;
  close(): Promise<void>;
}

/**
 * The whole product on one machine: builds the solution if needed, starts the emulators (demo
 * data), starts the bridge, writes config.json and deploys the built managed solution into the
 * Dataverse emulator with the bridge's webhook, exactly as `deploy` does against a real org.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { dataDir, logger } = options;
  await mkdir(dataDir, { recursive: true });
  const [zips, emulators] = await Promise.all([
    ensureSolutionBuilt({ logger }),
    startEmulators({ dataDir, seed: options.seed, ports: options.ports, latencyMs: options.latencyMs, logger: logger.child({ part: 'emulators' }) }),
  ]);
  let bridge: RunningBridge | undefined;
  try {
    const caPath = emulators.caPath ?? join(dataDir, 'ca.pem');
    if (!emulators.caPath) await writeFile(caPath, emulators.caPem);
    const configPath = join(dataDir, 'config.json');
    const webhookKey = await previousWebhookKey(configPath) ?? randomBytes(24).toString('base64url');
    const input = (bridgeUrl: string) => sandboxConfig({
      urls: { ...emulators.urls, bridge: bridgeUrl },
      dataDir,
      caPath,
      tenant: SANDBOX_TENANT,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      webhookKey,
      adminAudience: BRIDGE_API_AUDIENCE,
      organizationMappings: Object.entries(ORG_UNIT_LEGAL_ENTITY)
        .filter((e): e is [string, string] => e[1] !== null)
        .map(([organizationalUnit, legalEntity]) => ({ organizationalUnit, legalEntity })),
      forecastModel: FORECAST_MODEL,
      scheduleMinutes: options.scheduleMinutes === undefined ? 1 : options.scheduleMinutes,
    });
    const first = parseConfig(input(`http://127.0.0.1:${options.ports.bridge}`), configPath, {});
    // one set of connectors (the Dataverse and F&O settings do not depend on the bridge's port) for the bridge and deploy
    const services = createServices(first, logger);
    bridge = await startBridgeService({ config: first, services, logger: logger.child({ part: 'bridge' }), port: options.ports.bridge, startWorker: false });
    const raw = input(bridge.url);
    await writeFile(configPath, `${JSON.stringify(raw, null, 2)}\n`);
    const config = parseConfig(raw, configPath, {});

    const deployed = await deploy(deployDataverseOver(services.dataverse.api), {
      solutionZip: await readFile(zips.managedZip),
      bridgeUrl: bridge.url,
      webhookKey,
      environmentVariables: { psafo_BridgeUrl: bridge.url, psafo_StatusRefreshSeconds: '3' },
      syncNowMessage: 'psafo_SyncNow',
      sources: dataverseSources(enabledTemplates(config.templates)),
    });
    bridge.startWorker();
    const running = bridge;
    return {
      urls: { ...emulators.urls, bridge: bridge.url },
      configPath,
      caPath,
      config,
      deployed,
      emulators,
      bridge,
      async close() {
        await running.close();
        await emulators.close();
      },
    };
  } catch (err) {
    await bridge?.close().catch(() => undefined);
    await emulators.close().catch(() => undefined);
    throw err;
  }
}

/** A restarted sandbox keeps its webhook key (the registered endpoint still sends it). */
async function previousWebhookKey(configPath: string): Promise<string | undefined> {
  if (!existsSync(configPath)) return undefined;
  try {
    const raw = JSON.parse(await readFile(configPath, 'utf8')) as { sandbox?: { webhookKey?: unknown } };
    return typeof raw.sandbox?.webhookKey === 'string' ? raw.sandbox.webhookKey : undefined;
  } catch {
    return undefined;
  }
}
