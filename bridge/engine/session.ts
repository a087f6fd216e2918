import pino, { type Logger } from 'pino';
import { loadConfig, type Config, type Env } from '../config';
import { Store } from '../store';
import { createServices, type Services } from './services';

export interface Session {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  readonly services: Services;
  close(): void;
}

/** Loads the configuration, opens the store and builds the connectors (CLI and service entry). */
export function openSession(configPath: string, opts: { logLevel?: string; env?: Env } = {}): Session {
  const config = loadConfig(configPath, opts.env ?? process.env);
  const logger = pino({ level: opts.logLevel ?? process.env.PSAFO_LOG_LEVEL ?? 'warn', redact: ['secrets', '*.secrets', 'clientSecret'] }, pino.destination(2));
  const store = Store.open(config.store.path);
  const services = createServices(config, logger);
  return { config, store, logger, services, close: () => store.close() };
}
