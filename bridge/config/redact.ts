import type { Config } from './load';

const REDACTED = '***';

/** The configuration as it may be printed or logged: secrets replaced. */
export function redactConfig(c: Config): Record<string, unknown> {
  const secrets = Object.fromEntries(Object.entries(c.secrets).map(([k, v]) => [k, v ? REDACTED : v]));
  return { ...c, secrets, ...(c.sandbox ? { sandbox: { clientSecret: REDACTED, webhookKey: REDACTED } } : {}) };
}
