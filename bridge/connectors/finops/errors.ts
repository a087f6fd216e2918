import { HttpStatusError } from '../http/http-client';
import { FO } from './constants';

export type FinOpsErrorKind = 'duplicate' | 'notFound' | 'validation' | 'throttled' | 'auth' | 'server';

/** An F&O OData error with the service's own message (innererror.message, the Infolog text). */
export class FinOpsServiceError extends Error {
  readonly code: string;
  constructor(
    readonly status: number,
    readonly kind: FinOpsErrorKind,
    readonly serviceMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`F&O answered ${status}: ${serviceMessage}`, options);
    this.name = 'FinOpsServiceError';
    this.code = `FINOPS_${kind.toUpperCase()}`;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; innererror?: { message?: string; type?: string } };
}

/** Classifies an F&O error answer (status + body) and keeps the most specific message. */
export function parseFinOpsError(status: number, text: string, cause?: unknown): FinOpsServiceError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // non-JSON body (401 is empty): keep the status
  }
  const inner = body.error?.innererror?.message;
  const message = inner && inner.trim() !== '' ? inner : body.error?.message || text.trim() || `HTTP ${status}`;
  let kind: FinOpsErrorKind = 'server';
  if (message.includes(FO.duplicateText) && (status === 500 || status === 400 || status === 409)) kind = 'duplicate';
  else if (message.includes(FO.notFoundForUpdateText) || status === 404) kind = 'notFound';
  else if (status === 429 || status === 503 || status === 504) kind = 'throttled';
  else if (status === 401 || status === 403) kind = 'auth';
  else if (status >= 400 && status < 500) kind = 'validation';
  return new FinOpsServiceError(status, kind, message, { cause });
}

/** Rethrows an HttpStatusError as the typed F&O error. */
export function asFinOpsError(err: unknown): unknown {
  return err instanceof HttpStatusError ? parseFinOpsError(err.response.status, err.response.text, err) : err;
}
