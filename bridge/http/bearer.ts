import { Agent } from 'node:https';
import { createRemoteJWKSet, jwtVerify, errors, type JWTPayload } from 'jose';

export interface BearerOptions {
  /** JWKS of the identity provider, e.g. https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys */
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Extra CA (PEM) to trust for the JWKS fetch: the sandbox identity emulator's CA. */
  caPem?: string;
}

export type BearerResult = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

export type BearerCheck = (authorization: string | undefined) => Promise<BearerResult>;

/** Verifies `Authorization: Bearer <jwt>` against issuer, audience and the provider's keys. */
export function createBearerCheck(options: BearerOptions): BearerCheck {
  const agent = options.caPem ? new Agent({ ca: options.caPem, keepAlive: true }) : undefined;
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), agent ? { agent } : undefined);
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'A bearer token is required (Authorization: Bearer <token>)' };
    try {
      const { payload } = await jwtVerify(match[1], jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        clockTolerance: 60,
      });
      return { ok: true, claims: payload };
    } catch (err) {
      return { ok: false, reason: describe(err) };
    }
  };
}

function describe(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `The token is not valid here: ${err.claim} ${err.reason}`;
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JOSEError) return `The token could not be verified: ${err.code}`;
  return 'The token could not be verified';
}
