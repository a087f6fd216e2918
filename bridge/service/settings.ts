import { z } from 'zod';
import type { Config } from '../config/load';

/**
 * The bridge service's own settings, read from the `bridge` section of the configuration file
 * (the config schema keeps that section open for them).
 */
const settingsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.int().min(0).max(65535).default(7070),
  /** The URL Dataverse calls (webhook) and PSA users reach; defaults to http://host:port. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  bodyLimitBytes: z.int().min(1024).max(10 * 1024 * 1024).default(1024 * 1024),
  rateLimit: z.object({ ratePerSecond: z.number().positive().default(200), burst: z.int().min(1).default(400) }).prefault({}),
  /** How many queued records one worker batch takes. */
  queueBatchSize: z.int().min(1).max(1000).default(100),
  /** Environment variable values set by `deploy`. */
  statusRefreshSeconds: z.int().min(2).max(3600).default(10),
  fieldLockRules: z.unknown().optional(),
});

export type ServiceSettings = z.output<typeof settingsSchema> & { publicUrl: string };

export class ServiceSettingsError extends Error {
  readonly code = 'SERVICE_SETTINGS_INVALID';
}

export function serviceSettings(config: Config): ServiceSettings {
  const parsed = settingsSchema.safeParse(config.bridge);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceSettingsError(`bridge.${issue.path.join('.')}: ${issue.message}`);
  }
  const s = parsed.data;
  return { ...s, publicUrl: (s.publicUrl ?? `http://${s.host}:${s.port}`).replace(/\/+$/, '') };
}
