import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { legalEntitiesOf } from './connection-set';
import { ConfigError } from './errors';
import { configSchema, type ConfigFile } from './schema';

/** The validated, immutable configuration with secrets resolved from the environment. */
export interface Config extends ConfigFile {
  /** Directory of the config file; relative paths (store, CA) resolve against it. */
  readonly baseDir: string;
  readonly secrets: Readonly<{ dataverseClientSecret: string; finopsClientSecret: string; webhookKey?: string }>;
}

export type Env = Readonly<Record<string, string | undefined>>;

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(root)' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Parses and validates a configuration object; `file` is used in messages and to resolve relative paths. */
export function parseConfig(raw: unknown, file: string, env: Env): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(file, result.error.issues.map((i) => `${pathOf(i)}: ${i.message}`));
  }
  const c = result.data;
  const issues: string[] = [];
  if (c.sandbox) {
    const remote = [c.dataverse.url, c.finops.url, c.dataverse.auth.authority, c.finops.auth.authority].filter((u) => !isLoopback(u));
    if (remote.length > 0) issues.push(`sandbox: sandbox credentials are only accepted for loopback services; remove the section and set the PSAFO_* environment variables (${remote[0]} is not local)`);
    env = { [c.dataverse.auth.clientSecretEnv]: c.sandbox.clientSecret, [c.finops.auth.clientSecretEnv]: c.sandbox.clientSecret, [c.bridge.webhookKeyEnv]: c.sandbox.webhookKey, ...env };
  }
  const secret = (name: string, where: string): string => {
    const v = env[name];
    if (!v) issues.push(`${where}: environment variable ${name} is not set; export it with the client secret`);
    return v ?? '';
  };
  const dataverseClientSecret = secret(c.dataverse.auth.clientSecretEnv, 'dataverse.auth.clientSecretEnv');
  const finopsClientSecret = secret(c.finops.auth.clientSecretEnv, 'finops.auth.clientSecretEnv');
  const units = c.connectionSet.organizationMappings.map((m) => m.organizationalUnit);
  const dup = units.find((u, i) => units.indexOf(u) !== i);
  if (dup) issues.push(`connectionSet.organizationMappings: organizational unit '${dup}' is mapped twice; keep one legal entity per unit`);
  if (legalEntitiesOf(c).length === 0) issues.push('connectionSet.organizationMappings: no legal entity');
  if (issues.length > 0) throw new ConfigError(file, issues);
  const baseDir = dirname(resolve(file));
  const webhookKey = env[c.bridge.webhookKeyEnv];
  return deepFreeze({
    ...c,
    store: { path: isAbsolute(c.store.path) ? c.store.path : resolve(baseDir, c.store.path) },
    baseDir,
    secrets: webhookKey ? { dataverseClientSecret, finopsClientSecret, webhookKey } : { dataverseClientSecret, finopsClientSecret },
  });
}

/** Reads a JSON configuration file. */
export function loadConfig(file: string, env: Env = process.env): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`(file): cannot read it (${(err as Error).message}); pass --config <path to config.json>`], { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, [`(file): not valid JSON (${(err as Error).message})`], { cause: err });
  }
  return parseConfig(raw, file, env);
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
