/**
 * The one error factory of the Dataverse emulator. Every failure the emulator answers is a
 * `DataverseError` carrying the HTTP status, the hexadecimal Dataverse error code and the message
 * the real service writes; `serializeError` turns it into `{"error":{"code","message"}}`.
 * Codes: PAD `webapi/compose-http-requests-handle-errors.md`, `api-limits.md`,
 * `perform-conditional-operations-using-web-api.md`, `use-alternate-key-reference-record.md`.
 */
export class DataverseError extends Error {
  readonly status: number;
  /** Hexadecimal Dataverse error code (`0x80040217`), frequently empty as on the real service. */
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataverseError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const ErrorCodes = {
  objectDoesNotExist: '0x80040217',
  duplicateRecord: '0x80040237',
  concurrencyVersionMismatch: '0x80060882',
  odataQuery: '0x80060888',
  payload: '0x80048d19',
  validationLength: '0x80044331',
  outOfRange: '0x8004431a',
  requiredField: '0x80040200',
  invalidArgument: '0x80040203',
  requestCountLimit: '0x80072322',
  executionTimeLimit: '0x80072321',
  concurrencyLimit: '0x80072326',
  serverBusy: '0x80040216',
  unresolvedParameters: '0x80060891',
  unhandled: '0x80040216',
} as const;

type Table = string;

/** Builders for every error the emulator emits; the only place status/code/message are paired. */
export const errors = {
  resourceNotFound: (segment: string) =>
    new DataverseError(404, ErrorCodes.odataQuery, `Resource not found for the segment '${segment}'.`),
  recordNotFound: (table: Table, id: string) =>
    new DataverseError(404, ErrorCodes.objectDoesNotExist, `${table} With Id = ${id} Does Not Exist`),
  recordNotFoundByKey: (table: Table, key: string) =>
    new DataverseError(404, ErrorCodes.objectDoesNotExist, `A record with the specified key values does not exist in ${table} entity (${key})`),
  duplicateKey: () => new DataverseError(412, ErrorCodes.duplicateRecord, 'A record with matching key values already exists.'),
  duplicateId: (table: Table, id: string) =>
    new DataverseError(412, ErrorCodes.duplicateRecord, `Cannot insert duplicate key. A ${table} with id ${id} already exists.`),
  versionMismatch: () =>
    new DataverseError(412, ErrorCodes.concurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided."),
  unknownProperty: (table: Table, property: string) =>
    new DataverseError(400, ErrorCodes.odataQuery, `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${table}'.`),
  payloadUnknownProperty: (entitySet: string, table: Table, property: string) =>
    payloadError(entitySet, `The property '${property}' does not exist on type 'Microsoft.Dynamics.CRM.${table}'. Make sure to only use property names that are defined by the type or mark the type as open type.`),
  payload: (entitySet: string, detail: string) => payloadError(entitySet, detail),
  malformedJson: (detail: string) =>
    new DataverseError(400, ErrorCodes.payload, `Error identified in Payload provided by the user for Entity :'', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: Invalid JSON. ${detail}`),
  querySyntax: (detail = 'Bad Request - Error in query syntax.') => new DataverseError(400, ErrorCodes.odataQuery, detail),
  badKey: (table: Table) =>
    new DataverseError(400, ErrorCodes.odataQuery,
      `The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.${table}'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource 'Microsoft.Dynamics.CRM.${table}'.`),
  badGuid: (literal: string) =>
    new DataverseError(400, ErrorCodes.odataQuery, `Bad Request - Error in query syntax. '${literal}' is not a valid Guid.`),
  unsupportedQueryOption: (option: string) =>
    new DataverseError(400, ErrorCodes.odataQuery, `The query parameter ${option} is not supported`),
  unknownQueryOption: (option: string) =>
    new DataverseError(400, ErrorCodes.odataQuery, `The query parameter ${option} is not supported. Query option names are case sensitive and start with '$'.`),
  trackChangesOption: (option: string) =>
    new DataverseError(400, ErrorCodes.odataQuery, `The "${option}" query parameter isn't supported when Change Tracking is enabled.`),
  changeTrackingNotEnabled: (table: Table) =>
    new DataverseError(400, ErrorCodes.invalidArgument, `Entity '${table}' is not enabled for change tracking.`),
  expiredDeltaToken: () =>
    new DataverseError(400, ErrorCodes.invalidArgument, 'The delta token is invalid or has expired. Run a full synchronization without $deltatoken.'),
  methodNotAllowed: (method: string) =>
    new DataverseError(405, ErrorCodes.odataQuery, `The requested resource does not support http method '${method}'.`),
  tooLong: (table: Table, attribute: string, max: number) =>
    new DataverseError(400, ErrorCodes.validationLength,
      `A validation error occurred.  The length of the '${attribute}' attribute of the '${table}' entity exceeded the maximum allowed length of '${max}'.`),
  outOfRange: (table: Table, attribute: string, value: unknown, accepted: string) =>
    new DataverseError(400, ErrorCodes.outOfRange,
      `A validation error occurred.  The value ${String(value)} of '${attribute}' on record of type '${table}' is outside the valid range. Accepted Values: ${accepted}`),
  required: (table: Table, attribute: string) =>
    new DataverseError(400, ErrorCodes.requiredField, `Attribute '${attribute}' of entity '${table}' cannot be null or empty.`),
  invalidArgument: (message: string) => new DataverseError(400, ErrorCodes.invalidArgument, message),
  payloadTooLarge: (limit: number) =>
    new DataverseError(413, '', `The request body is larger than the maximum allowed size of ${limit} bytes. Split the request (for example a smaller $batch).`),
  urlTooLong: (limit: number) => new DataverseError(414, '', `The request URL is longer than ${limit} characters. Use $batch to send long GET requests.`),
  unauthorized: (message: string, authorizationUri: string, resource: string) =>
    new DataverseError(401, '', message, {
      'WWW-Authenticate': `Bearer authorization_uri=${authorizationUri}, resource_id=${resource}`,
    }),
  requestCountLimit: (retryAfter: number, limit: number, windowSeconds: number) =>
    new DataverseError(429, ErrorCodes.requestCountLimit,
      `Number of requests exceeded the limit of ${limit} over time window of ${windowSeconds} seconds.`, { 'Retry-After': String(retryAfter) }),
  executionTimeLimit: (retryAfter: number, limitMs: number, windowSeconds: number) =>
    new DataverseError(429, ErrorCodes.executionTimeLimit,
      `Combined execution time of incoming requests exceeded limit of ${limitMs.toLocaleString('en-US')}  milliseconds over time window of ${windowSeconds} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`,
      { 'Retry-After': String(retryAfter) }),
  concurrencyLimit: (retryAfter: number, limit: number) =>
    new DataverseError(429, ErrorCodes.concurrencyLimit, `Number of concurrent requests exceeded the limit of ${limit}.`, { 'Retry-After': String(retryAfter) }),
  serviceUnavailable: (retryAfter?: number) =>
    new DataverseError(503, ErrorCodes.serverBusy, 'The server is busy and the request was not completed. Try the request again later.',
      retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}),
  internal: (message = 'An unexpected error occurred.') => new DataverseError(500, ErrorCodes.unhandled, message),
  unresolvedParameters: () => new DataverseError(400, ErrorCodes.unresolvedParameters, 'Request message has unresolved parameters.'),
  batch: (message: string) => new DataverseError(400, '', message),
  notImplemented: (what: string) => new DataverseError(501, '', `${what} is not implemented by the Dataverse emulator.`),
};

function payloadError(entitySet: string, detail: string): DataverseError {
  return new DataverseError(400, ErrorCodes.payload,
    `Error identified in Payload provided by the user for Entity :'${entitySet}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: ${detail}`);
}

export type ErrorFactory = typeof errors;

/** Wraps anything thrown into a DataverseError; non-Dataverse errors become a 500 without a stack. */
export function toDataverseError(err: unknown): DataverseError {
  if (err instanceof DataverseError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DataverseError(500, ErrorCodes.unhandled, `An unexpected error occurred: ${message}`, {}, { cause: err });
}

/** `{"error":{"code","message"}}`, with the CDS error-detail annotations when the client asked for them. */
export function serializeError(err: DataverseError, includeAnnotations: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { code: err.code, message: err.message };
  if (includeAnnotations) {
    body['@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus'] = '0';
    body['@Microsoft.PowerApps.CDS.ErrorDetails.SubErrorCode'] = err.code ? String(parseInt(err.code, 16) | 0) : '';
    body['@Microsoft.PowerApps.CDS.HelpLink'] = `http://go.microsoft.com/fwlink/?LinkID=398563&error=Microsoft.Crm.CrmException%3a${err.code.replace(/^0x/, '')}&client=platform`;
    body['@Microsoft.PowerApps.CDS.InnerError.Message'] = err.message;
  }
  return { error: body };
}
