import type { DeployChange, DeployDataverse } from './port';
import { importSolution } from './import-solution';
import { setEnvironmentVariables } from './environment-variables';
import { ensureServiceEndpoint } from './service-endpoint';
import { desiredSteps, ensureSteps, type SourceTable } from './steps';

export interface DeployOptions {
  solutionZip: Buffer;
  /** Imports the solution another way (pac); the Web API ImportSolution action otherwise. */
  importer?: () => Promise<DeployChange>;
  bridgeUrl: string;
  webhookKey: string;
  environmentVariables: Record<string, string>;
  syncNowMessage: string;
  sources: SourceTable[];
}

/** Imports the solution, sets environment variables, registers the webhook and its steps. Idempotent. */
export async function deploy(dv: DeployDataverse, options: DeployOptions): Promise<DeployChange[]> {
  const changes: DeployChange[] = [options.importer ? await options.importer() : await importSolution(dv, options.solutionZip)];
  changes.push(...(await setEnvironmentVariables(dv, options.environmentVariables)));
  const endpoint = await ensureServiceEndpoint(dv, { bridgeUrl: options.bridgeUrl, webhookKey: options.webhookKey });
  changes.push(endpoint.change);
  changes.push(...(await ensureSteps(dv, endpoint.id, desiredSteps(options.syncNowMessage, options.sources))));
  return changes;
}
