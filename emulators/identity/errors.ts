import { randomUUID } from 'node:crypto';

/**
 * The one error factory of the identity emulator: Microsoft identity platform error bodies
 * (`error`, `error_description` starting with the AADSTS code, `error_codes`, `timestamp`, `trace_id`,
 * `correlation_id`, `error_uri`), with the status codes login.microsoftonline.com answers.
 */
export interface AadErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export class AadError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    message: string,
  ) {
    super(`AADSTS${aadsts}: ${message}`);
  }

  body(correlationId: string = randomUUID(), errorUriBase = 'https://login.microsoftonline.com'): AadErrorBody {
    const now = new Date();
    const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
    const traceId = randomUUID();
    return {
      error: this.error,
      error_description: `${this.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [this.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${errorUriBase}/error?code=${this.aadsts}`,
    };
  }
}

export const aadErrors = {
  tenantNotFound: (tenant: string) =>
    new AadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`),
  missingParameter: (name: string) =>
    new AadError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  unsupportedGrantType: (grant: string) =>
    new AadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'. This emulator supports 'client_credentials'.`),
  unknownClient: (clientId: string, tenant: string) =>
    new AadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  missingCredential: () =>
    new AadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  invalidSecret: (clientId: string) =>
    new AadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`),
  assertionNotSupported: () =>
    new AadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation. The identity emulator accepts client secrets only.'),
  invalidScope: (scope: string, why: string) =>
    new AadError(400, 'invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid. ${why}`),
  resourceNotFound: (resource: string, tenant: string) =>
    new AadError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  methodNotAllowed: (method: string) =>
    new AadError(400, 'invalid_request', 900561, `The endpoint only accepts POST, OPTIONS requests. Received a ${method} request.`),
  notFound: (path: string) =>
    new AadError(404, 'invalid_request', 900561, `The identity emulator has no endpoint ${path}. It serves /{tenant}/oauth2/v2.0/token, /{tenant}/discovery/v2.0/keys, /{tenant}/v2.0/.well-known/openid-configuration and /common/discovery/instance.`),
  bodyTooLarge: () => new AadError(413, 'invalid_request', 90056, 'The request body is too large.'),
  malformedBody: (detail: string) => new AadError(400, 'invalid_request', 90014, `The request body could not be read: ${detail}`),
  transient: (status: 429 | 500 | 503) =>
    new AadError(status, status === 500 ? 'server_error' : 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.'),
  internal: () => new AadError(500, 'server_error', 90033, 'A transient error has occurred. Please try again.'),
};
