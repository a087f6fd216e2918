import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWK, KeyLike } from 'jose';
import { SIGNING_ALG } from './constants';

/** The RS256 signing key of the identity emulator and its public JWKS. Persisted under `<dataDir>/identity/`. */
export interface AccessTokenInput {
  issuer: string;
  audience: string;
  clientId: string;
  tenantId: string;
  objectId: string;
  roles?: string[];
  lifetimeSeconds: number;
  /** Shifts iat/nbf/exp, e.g. negative to mint an already expired token in tests. */
  nowOffsetSeconds?: number;
}

const KEY_FILE = 'signing-key.json';

export class TokenSigner {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicJwk: JWK,
    readonly kid: string,
  ) {}

  static async create(dataDir?: string): Promise<TokenSigner> {
    const path = dataDir ? join(dataDir, 'identity', KEY_FILE) : undefined;
    if (path && existsSync(path)) {
      const privateJwk = JSON.parse(await readFile(path, 'utf8')) as JWK;
      return TokenSigner.fromPrivateJwk(privateJwk);
    }
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
    const privateJwk = await exportJWK(privateKey);
    if (path) {
      await mkdir(join(dataDir as string, 'identity'), { recursive: true });
      await writeFile(path, JSON.stringify(privateJwk), { mode: 0o600 });
    }
    return TokenSigner.fromPrivateJwk(privateJwk);
  }

  private static async fromPrivateJwk(privateJwk: JWK): Promise<TokenSigner> {
    const { kty, n, e } = privateJwk;
    const kid = await calculateJwkThumbprint({ kty, n, e });
    const privateKey = (await importJWK(privateJwk, SIGNING_ALG)) as KeyLike;
    return new TokenSigner(privateKey, { kty, n, e, kid, use: 'sig', alg: SIGNING_ALG }, kid);
  }

  /** The public key set served at `/{tenant}/discovery/v2.0/keys`. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] };
  }

  async sign(input: AccessTokenInput): Promise<{ token: string; expiresIn: number }> {
    const now = Math.floor(Date.now() / 1000) + (input.nowOffsetSeconds ?? 0);
    const claims: Record<string, unknown> = {
      aud: input.audience,
      iss: input.issuer,
      iat: now,
      nbf: now,
      exp: now + input.lifetimeSeconds,
      aio: randomUUID(),
      appid: input.clientId,
      azp: input.clientId,
      appidacr: '1',
      azpacr: '1',
      idtyp: 'app',
      oid: input.objectId,
      sub: input.objectId,
      tid: input.tenantId,
      uti: randomUUID().replace(/-/g, '').slice(0, 22),
      ver: '2.0',
    };
    if (input.roles && input.roles.length > 0) claims.roles = input.roles;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT', kid: this.kid })
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expiresIn: input.lifetimeSeconds };
  }
}
