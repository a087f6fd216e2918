/**
 * Browser sessions of the app host. A model-driven app authenticates its Web API calls with the
 * session cookie the sign-in set, not with a bearer token; the host mirrors that: on the first page
 * it signs the sandbox user in (a token from the identity emulator for this emulator's audience),
 * keeps the token server-side and sets an HttpOnly, SameSite=Strict cookie. The emulator turns that
 * cookie into the bearer token of the session for same-origin Web API requests (server.ts), so the
 * usual token checks (issuer, audience, expiry) still apply. Tokens are renewed before they expire.
 */
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from './constants';

export interface SessionOptions {
  /** Obtains a bearer token for the emulator's audience (the signed-in sandbox user). */
  signIn: () => Promise<string>;
  now?: () => number;
}

interface Session { token: string; expiresAt: number }

const RENEW_BEFORE_MS = 5 * 60_000;

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The session of the request, signed in (again) when missing or about to expire; `setCookie` when a new one was made. */
  async ensure(cookieHeader: string | undefined): Promise<{ id: string; setCookie?: string }> {
    const id = readCookie(cookieHeader, SESSION_COOKIE);
    const existing = id ? this.sessions.get(id) : undefined;
    if (id && existing) {
      if (existing.expiresAt - this.now() < RENEW_BEFORE_MS) await this.renew(id);
      return { id };
    }
    const fresh = randomBytes(24).toString('base64url');
    await this.renew(fresh);
    return { id: fresh, setCookie: `${SESSION_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict` };
  }

  /** `Authorization` header value for a request carrying a session cookie, or undefined. */
  async authorization(cookieHeader: string | undefined): Promise<string | undefined> {
    const id = readCookie(cookieHeader, SESSION_COOKIE);
    const session = id ? this.sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (session.expiresAt - this.now() < RENEW_BEFORE_MS) await this.renew(id);
    return `Bearer ${this.sessions.get(id)?.token}`;
  }

  private async renew(id: string): Promise<void> {
    const token = await this.options.signIn();
    this.sessions.set(id, { token, expiresAt: expiryOf(token) });
  }
}
