import type { Row } from '../model/types';

/** What business rules may look up. Rules are pure: they read through this port and return a verdict. */
export interface RuleContext {
  /** The row of `set` with these key values, or undefined. */
  get(set: string, key: Row): Row | undefined;
  /** Whether a row of `set` with these key values exists (cheaper than get). */
  exists(set: string, key: Row): boolean;
  /** The first row of `set` (in `company` when given) whose `field` equals `value` (case-insensitive). */
  find(set: string, company: string | undefined, field: string, value: string): Row | undefined;
  /** The PSA integration parameters of a legal entity. */
  parameters(company: string): Row | undefined;
}

/** The caller as the token tells it, and whether it is the configured integration application. */
export interface Caller {
  clientId?: string;
  isIntegration: boolean;
}

/** F&O Infolog lines, joined the way the OData write exception shows them. */
export function infolog(...lines: string[]): string {
  return lines.map((l) => `Warning: ${l}`).join('; ');
}
