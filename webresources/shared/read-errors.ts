/**
 * Classifies errors from Xrm.WebApi / context.webAPI so users get a message they can act on.
 * Codes from Microsoft's "Web service error codes" and "Troubleshoot Dataverse client errors".
 */

export type ReadProblemKind = 'accessDenied' | 'tableMissing' | 'offline' | 'unknown';

export interface ReadProblem {
  readonly kind: ReadProblemKind;
  /** The service's own message, kept for the "unknown" case and for logs. */
  readonly message: string;
}

/** PrivilegeDenied (missing prvRead…), AccessDenied, no access right on the record. */
const ACCESS_DENIED_CODES = new Set([-2147220960, -2147187707, -2147187962]);
/** Entity not in the metadata cache (Xrm.WebApi), Web API "Resource not found for the segment". */
const TABLE_MISSING_CODES = new Set([-2147217150, -2147088246]);
const TABLE_MISSING_TEXT = /not found in the MetadataCache|Resource not found for the segment|Could not find (an )?entity|entity set .* (was )?not found/i;
const ACCESS_DENIED_TEXT = /missing prv\w+ privilege|missing privilege|does not have .*access right|access is denied/i;

function toCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value | 0;
  if (typeof value === 'string' && /^0x[0-9a-f]{8}$/i.test(value)) return parseInt(value, 16) | 0;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value) | 0;
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err;
  if (typeof err === 'object' && err !== null) {
    const o = err as Record<string, unknown>;
    if (typeof o.message === 'string' && o.message !== '') return o.message;
    const inner = o.error as Record<string, unknown> | undefined;
    if (inner && typeof inner.message === 'string') return inner.message;
  }
  return String(err);
}

export function classifyReadError(err: unknown): ReadProblem {
  const message = errorMessage(err);
  const o = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const inner = (typeof o.error === 'object' && o.error !== null ? o.error : {}) as Record<string, unknown>;
  const code = toCode(o.errorCode) ?? toCode(o.code) ?? toCode(inner.code);
  const status = toCode(o.status) ?? toCode(o.statusCode) ?? toCode(o.httpStatusCode);
  if ((code !== undefined && ACCESS_DENIED_CODES.has(code)) || status === 403 || ACCESS_DENIED_TEXT.test(message)) {
    return { kind: 'accessDenied', message };
  }
  if ((code !== undefined && TABLE_MISSING_CODES.has(code)) || TABLE_MISSING_TEXT.test(message)) {
    return { kind: 'tableMissing', message };
  }
  if (status === 0 || /offline|network ?error|failed to fetch/i.test(message)) return { kind: 'offline', message };
  return { kind: 'unknown', message };
}
