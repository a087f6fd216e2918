/** Gives a bearer token for a resource scope (`<service url>/.default`). */
export interface TokenProvider {
  getToken(scope: string): Promise<string>;
}

export class AuthError extends Error {
  readonly code = 'AUTH_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthError';
  }
}

/** The client-credentials scope of a service: its URL without trailing slash + `/.default`. */
export function defaultScope(serviceUrl: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}/.default`;
}
