export { loadConfig, parseConfig, type Config, type Env } from './load';
export { ConfigError } from './errors';
export { configSchema, type ConfigFile, type ConfigInput } from './schema';
export { redactConfig } from './redact';
export { orgUnitLegalEntity, legalEntitiesOf } from './connection-set';
