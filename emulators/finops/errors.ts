import { EXCEPTION_TYPE, MESSAGE } from './constants';

/**
 * The one error factory of the F&O emulator. Every failure leaves as an F&O-shaped body
 * `{"error":{"code":"","message":"An error has occurred.","innererror":{"message","type","stacktrace"}}}`
 * (protocols.md §2.5), except 401 (empty body, as the F&O front end answers) and 429/503 (service text).
 */
export class FinOpsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly innerMessage: string,
    readonly innerType: string,
    readonly topMessage: string = MESSAGE.generic,
    readonly headers: Record<string, string> = {},
  ) {
    super(innerMessage);
  }

  body(): unknown {
    if (this.status === 401) return undefined;
    if (this.status === 429 || this.status === 503) return { error: { code: '', message: this.topMessage } };
    return { error: { code: '', message: this.topMessage, innererror: { message: this.innerMessage, type: this.innerType, stacktrace: '' } } };
  }
}

const writeFailed = (typeName: string, infolog: string) => `Write failed for table row of type '${typeName}'. Infolog: ${infolog}`;

export const finopsErrors = {
  /** Create or update rejected by validation (validateField / validateWrite): 400 with the Infolog text. */
  validation: (entityType: string, infolog: string) =>
    new FinOpsError(400, 'FO_VALIDATION', writeFailed(`${entityType}Entity`, infolog), EXCEPTION_TYPE.write),
  /** POST of a key that exists (protocols.md §2.4: 500 with the Infolog "record already exists"). */
  duplicate: (entityType: string, tableLabel: string, keyText: string) =>
    new FinOpsError(
      500,
      'FO_DUPLICATE',
      writeFailed(`${entityType}Entity`, `Info: Cannot create a record in ${tableLabel} (${entityType}). ${keyText}. The record already exists..`),
      EXCEPTION_TYPE.write,
    ),
  /** PATCH/DELETE of a key that does not exist: F&O has no upsert (protocols.md §2.4). */
  noResourcesForUpdate: () => new FinOpsError(400, 'FO_NOT_FOUND_FOR_UPDATE', MESSAGE.noResourcesForUpdate, EXCEPTION_TYPE.update),
  notFound: (segment: string) => new FinOpsError(404, 'FO_NOT_FOUND', `Resource not found for the segment '${segment}'.`, EXCEPTION_TYPE.uri),
  noHttpResource: (url: string) =>
    new FinOpsError(404, 'FO_NO_RESOURCE', `No HTTP resource was found that matches the request URI '${url}'.`, EXCEPTION_TYPE.notFound),
  badRequest: (message: string, code = 'FO_BAD_REQUEST') => new FinOpsError(400, code, message, EXCEPTION_TYPE.odata),
  unknownProperty: (property: string, entityType: string) =>
    new FinOpsError(400, 'FO_UNKNOWN_PROPERTY', `Could not find a property named '${property}' on type 'Microsoft.Dynamics.DataEntities.${entityType}'.`, EXCEPTION_TYPE.odata),
  bodyUnknownProperty: (property: string, entityType: string) =>
    new FinOpsError(
      400,
      'FO_UNKNOWN_PROPERTY',
      `The property '${property}' does not exist on type 'Microsoft.Dynamics.DataEntities.${entityType}'. Make sure to only use property names that are defined by the type.`,
      EXCEPTION_TYPE.odata,
    ),
  badFilter: (filter: string, position: number) =>
    new FinOpsError(400, 'FO_BAD_FILTER', `The query specified in the URI is not valid. Syntax error at position ${position} in '${filter}'.`, EXCEPTION_TYPE.odata),
  malformedJson: (detail: string) =>
    new FinOpsError(400, 'FO_MALFORMED_JSON', `The request body is not valid JSON: ${detail}`, EXCEPTION_TYPE.json),
  methodNotAllowed: (method: string, set: string) =>
    new FinOpsError(405, 'FO_METHOD_NOT_ALLOWED', `The requested resource does not support http method '${method}' on '${set}'.`, EXCEPTION_TYPE.notFound),
  readOnly: (set: string) =>
    new FinOpsError(400, 'FO_READ_ONLY', `The entity set '${set}' is read-only in this emulator: it holds reference data or emulator-managed journal data.`, EXCEPTION_TYPE.write),
  preconditionFailed: () =>
    new FinOpsError(412, 'FO_ETAG_MISMATCH', 'The ETag of the record does not match the If-Match header. Read the record again and retry.', EXCEPTION_TYPE.update),
  payloadTooLarge: (limit: number) =>
    new FinOpsError(413, 'FO_PAYLOAD_TOO_LARGE', `The request body exceeds the maximum of ${limit} bytes. Send fewer operations per $batch.`, EXCEPTION_TYPE.odata),
  unsupportedMediaType: (type: string) =>
    new FinOpsError(415, 'FO_UNSUPPORTED_MEDIA_TYPE', `The content type '${type}' is not supported. Send application/json (or multipart/mixed for $batch).`, EXCEPTION_TYPE.odata),
  unauthorized: (description: string) =>
    new FinOpsError(401, 'FO_UNAUTHORIZED', description, EXCEPTION_TYPE.notFound, MESSAGE.generic, {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    }),
  throttled: (retryAfterSeconds: number) =>
    new FinOpsError(429, 'FO_THROTTLED', MESSAGE.throttled, EXCEPTION_TYPE.odata, MESSAGE.throttled, { 'Retry-After': String(retryAfterSeconds) }),
  unavailable: (retryAfterSeconds: number) =>
    new FinOpsError(503, 'FO_UNAVAILABLE', MESSAGE.unavailable, EXCEPTION_TYPE.odata, MESSAGE.unavailable, { 'Retry-After': String(retryAfterSeconds) }),
  internal: (message: string) => new FinOpsError(500, 'FO_INTERNAL', message, 'System.Exception'),
};
