import { HttpStatusError } from '../http/http-client';

/** A Dataverse Web API error with the service's message and code (protocols §1.5). */
export class DataverseServiceError extends Error {
  readonly code = 'DATAVERSE_REQUEST_FAILED';
  constructor(
    readonly status: number | undefined,
    readonly serviceCode: string,
    readonly serviceMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`Dataverse answered ${status ?? 'no status'}: ${serviceMessage}`, options);
    this.name = 'DataverseServiceError';
  }
}

/** Converts a dynamics-web-api RequestError (or anything thrown) into DataverseServiceError. */
export function asDataverseError(err: unknown): unknown {
  if (err instanceof DataverseServiceError) return err;
  if (err instanceof HttpStatusError) {
    let message = err.response.text;
    try {
      message = (JSON.parse(err.response.text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON
    }
    return new DataverseServiceError(err.response.status, '', message || `HTTP ${err.response.status}`, { cause: err });
  }
  const e = err as { status?: number; code?: string; message?: string; innererror?: { message?: string } } | undefined;
  if (e && typeof e === 'object' && typeof e.status === 'number') {
    return new DataverseServiceError(e.status, e.code ?? '', e.message || e.innererror?.message || `HTTP ${e.status}`, { cause: err });
  }
  return err;
}
