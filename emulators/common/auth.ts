import type { Agent } from 'node:https';
import { Agent as HttpsAgent } from 'node:https';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTVerifyGetKey, JSONWebKeySet } from 'jose';

/**
 * Bearer token verification shared by the Dataverse and F&O emulators.
 * The identity emulator signs RS256 tokens; a verifier checks signature, lifetime, issuer (optional)
 * and audience. The audience check accepts the expected audience with or without a trailing slash,
 * as the real services do for `https://org.crm.dynamics.com` vs `https://org.crm.dynamics.com/`.
 */
export type BearerCheck =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; error: 'missing' | 'invalid' | 'expired' | 'audience'; description: string };

export interface BearerVerifier {
  verify(authorization: string | undefined, expectedAudience: string): Promise<BearerCheck>;
}

const BEARER_PREFIX = 'bearer ';
const ALGORITHMS = ['RS256'];

/** Strip one trailing slash so `http://h:1/` and `http://h:1` compare equal. */
export function normalizeAudience(aud: string): string {
  return aud.endsWith('/') ? aud.slice(0, -1) : aud;
}

/** Extracts the token from an `Authorization: Bearer <token>` header value, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  if (authorization.slice(0, BEARER_PREFIX.length).toLowerCase() !== BEARER_PREFIX) return undefined;
  const token = authorization.slice(BEARER_PREFIX.length).trim();
  return token.length > 0 ? token : undefined;
}

function audienceMatches(claim: unknown, expected: string): boolean {
  const want = normalizeAudience(expected);
  const values = Array.isArray(claim) ? claim : [claim];
  return values.some((v) => typeof v === 'string' && normalizeAudience(v) === want);
}

function verifierFromKeys(getKey: JWTVerifyGetKey, issuer?: string): BearerVerifier {
  return {
    async verify(authorization, expectedAudience) {
      const token = bearerToken(authorization);
      if (!token) {
        return { ok: false, error: 'missing', description: 'No bearer token in the Authorization header.' };
      }
      try {
        const { payload } = await jwtVerify(token, getKey, { algorithms: ALGORITHMS, issuer, clockTolerance: 5 });
        if (!audienceMatches(payload.aud, expectedAudience)) {
          return {
            ok: false,
            error: 'audience',
            description: `The token audience ${JSON.stringify(payload.aud)} is not ${expectedAudience}. Request the token with scope ${normalizeAudience(expectedAudience)}/.default.`,
          };
        }
        return { ok: true, claims: payload as Record<string, unknown> };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) {
          return { ok: false, error: 'expired', description: 'The token is expired.' };
        }
        const message = err instanceof Error ? err.message : String(err);
        return { ok: false, error: 'invalid', description: `The token is invalid: ${message}` };
      }
    },
  };
}

/** Verifies against the identity emulator's JWKS fetched over https (trusting `ca` when given). */
export function createJwksVerifier(opts: { jwksUrl: string; issuer?: string; ca?: string | Buffer }): BearerVerifier {
  const agent: Agent | undefined = opts.ca ? new HttpsAgent({ ca: opts.ca }) : undefined;
  const jwks = createRemoteJWKSet(new URL(opts.jwksUrl), { agent, cooldownDuration: 1000, cacheMaxAge: 10 * 60 * 1000 });
  return verifierFromKeys(jwks, opts.issuer);
}

/** Verifies against an in-process public JWKS (tests, or when the identity emulator runs in the same process). */
export function createKeyVerifier(opts: { publicJwks: { keys: object[] }; issuer?: string }): BearerVerifier {
  const jwks = createLocalJWKSet(opts.publicJwks as JSONWebKeySet);
  return verifierFromKeys(jwks, opts.issuer);
}

/** Accepts any request, with or without a token. Only for explicit opt-out in tests of other things. */
export const allowAll: BearerVerifier = {
  async verify() {
    return { ok: true, claims: {} };
  },
};
