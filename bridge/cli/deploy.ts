import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load';
import pino from 'pino';
import { createServices } from '../engine';
import { deploy } from '../deploy/deploy';
import { deployDataverseOver } from '../deploy/dynamics-adapter';
import { findPac, importWithPac } from '../deploy/pac';
import { serviceSettings } from '../service/settings';
import { dataverseSources, enabledTemplates } from '../templates/sources';

/** `deploy`: import the solution, set environment variables, register the webhook and its steps. */
export function deployCommand(program: Command): void {
  program
    .command('deploy')
    .description('import the PsaFoSync solution, set its environment variables and register the webhook steps (idempotent)')
    .requiredOption('--config <file>', 'bridge configuration file')
    .option('--zip <file>', 'solution zip to import', 'dist/PsaFoSync_managed.zip')
    .option('--pac <when>', 'import with the pac CLI: auto (when on PATH and the org is https), always, never', 'auto')
    .action(async (opts: { config: string; zip: string; pac: string }) => {
      const config = loadConfig(opts.config);
      const settings = serviceSettings(config);
      const webhookKey = config.secrets.webhookKey;
      if (!webhookKey) throw new Error(`Set the webhook key in the environment variable ${config.bridge.webhookKeyEnv} (a long random string) and run deploy again`);
      const zipPath = resolve(opts.zip);
      const solutionZip = await readFile(zipPath).catch((err: Error) => {
        throw new Error(`Cannot read the solution zip ${zipPath} (${err.message}); run \`npm run build\` first`);
      });
      const logger = pino({ level: process.env.PSAFO_LOG_LEVEL ?? 'warn' }, pino.destination(2));
      const dv = deployDataverseOver(createServices(config, logger).dataverse.api);
      const pac = opts.pac === 'never' ? undefined : findPac();
      const usePac = pac !== undefined && (opts.pac === 'always' || config.dataverse.url.startsWith('https://'));
      if (opts.pac === 'always' && !pac) throw new Error('--pac always: no pac executable on PATH');
      const changes = await deploy(dv, {
        solutionZip,
        importer: usePac && pac ? () => importWithPac(pac, config.dataverse.url, zipPath) : undefined,
        bridgeUrl: settings.publicUrl,
        webhookKey,
        environmentVariables: {
          psafo_BridgeUrl: settings.publicUrl,
          psafo_StatusRefreshSeconds: String(settings.statusRefreshSeconds),
          ...(settings.fieldLockRules !== undefined ? { psafo_FieldLockRules: JSON.stringify(settings.fieldLockRules) } : {}),
        },
        syncNowMessage: 'psafo_SyncNow',
        sources: dataverseSources(enabledTemplates(config.templates)),
      });
      for (const c of changes) process.stdout.write(`${c.action.padEnd(9)} ${c.kind.padEnd(19)} ${c.detail}\n`);
      const changed = changes.filter((c) => c.action !== 'unchanged').length;
      process.stdout.write(changed === 0 ? 'Nothing to change: the environment is up to date.\n' : `${changed} change(s) applied.\n`);
    });
}
