/**
 * Reading environment variables through the Web API: the definition with its default value and
 * the expanded current value (environmentvariabledefinition_environmentvariablevalue).
 */
import { DEFAULT_REFRESH_SECONDS } from './names';
import { odataString } from './sync-status';

export const ENV_VALUES_NAV = 'environmentvariabledefinition_environmentvariablevalue';

/** Options for retrieveMultipleRecords('environmentvariabledefinition', …) for one variable. */
export function envVarQuery(schemaName: string): string {
  return `?$select=schemaname,defaultvalue&$filter=schemaname eq ${odataString(schemaName)}&$expand=${ENV_VALUES_NAV}($select=value)`;
}

/** The effective value: the current value when one is set, else the default; null when absent. */
export function envVarValue(rows: readonly Record<string, unknown>[]): string | null {
  const def = rows[0];
  if (!def) return null;
  const values = def[ENV_VALUES_NAV];
  if (Array.isArray(values)) {
    for (const v of values) {
      const value = (v as Record<string, unknown> | null)?.value;
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return typeof def.defaultvalue === 'string' && def.defaultvalue !== '' ? def.defaultvalue : null;
}

export const MIN_REFRESH_SECONDS = 2;
export const MAX_REFRESH_SECONDS = 3600;

/** psafo_StatusRefreshSeconds as a number of seconds, clamped; the default when absent or not a number. */
export function parseRefreshSeconds(value: string | null | undefined): number {
  if (value === null || value === undefined || value.trim() === '') return DEFAULT_REFRESH_SECONDS;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_REFRESH_SECONDS;
  return Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, Math.round(n)));
}
