import { timingSafeEqual } from 'node:crypto';
import type { IdentityDirectory } from '../directory';
import { normalizeResource } from '../directory';
import type { TokenSigner } from '../signing';
import { aadErrors } from '../errors';
import { CLIENT_ASSERTION_TYPE_JWT, DEFAULT_SCOPE_SUFFIX, GRANT_CLIENT_CREDENTIALS, issuerFor, OIDC_SCOPES } from '../constants';

/** `POST /{tenant}/oauth2/v2.0/token` — the client-credentials grant with a client secret. */
export interface TokenRequest {
  tenant: string;
  form: URLSearchParams;
  /** Credentials from an `Authorization: Basic` header (client_secret_basic), if any. */
  basic?: { clientId: string; clientSecret: string };
}

export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

export interface TokenContext {
  url: string;
  directory: IdentityDirectory;
  signer: TokenSigner;
  lifetimeSeconds: number;
}

function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `scope=<resource>/.default [openid profile offline_access]` → the resource; AADSTS70011 otherwise. */
export function resourceFromScope(scope: string): string {
  const scopes = scope.split(/\s+/).filter((s) => s.length > 0 && !OIDC_SCOPES.has(s));
  if (scopes.length === 0) throw aadErrors.invalidScope(scope, 'Request a scope of the form <resource>/.default.');
  if (scopes.length > 1) {
    throw aadErrors.invalidScope(scope, 'The client-credentials flow takes exactly one <resource>/.default scope.');
  }
  const only = scopes[0];
  if (!only.endsWith(DEFAULT_SCOPE_SUFFIX) || only.length === DEFAULT_SCOPE_SUFFIX.length) {
    throw aadErrors.invalidScope(
      only,
      'Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    );
  }
  return normalizeResource(only.slice(0, -DEFAULT_SCOPE_SUFFIX.length));
}

export async function issueToken(req: TokenRequest, ctx: TokenContext): Promise<TokenResponse> {
  const tenant = ctx.directory.tenant(req.tenant);
  if (!tenant) throw aadErrors.tenantNotFound(req.tenant);
  const grantType = req.form.get('grant_type');
  if (!grantType) throw aadErrors.missingParameter('grant_type');
  if (grantType !== GRANT_CLIENT_CREDENTIALS) throw aadErrors.unsupportedGrantType(grantType);

  const clientId = req.form.get('client_id') ?? req.basic?.clientId;
  if (!clientId) throw aadErrors.missingParameter('client_id');
  const app = ctx.directory.app(clientId);
  if (!app) throw aadErrors.unknownClient(clientId, tenant.id);

  const secret = req.form.get('client_secret') ?? req.basic?.clientSecret;
  if (secret === undefined || secret === null) {
    if (req.form.get('client_assertion_type') === CLIENT_ASSERTION_TYPE_JWT) throw aadErrors.assertionNotSupported();
    throw aadErrors.missingCredential();
  }
  if (!secretsEqual(secret, app.clientSecret)) throw aadErrors.invalidSecret(clientId);

  const scope = req.form.get('scope');
  if (!scope) throw aadErrors.missingParameter('scope');
  const resource = resourceFromScope(scope);
  const allowedForApp = !app.resources || app.resources.map(normalizeResource).includes(resource);
  if (!ctx.directory.resourceKnown(resource) || !allowedForApp) throw aadErrors.resourceNotFound(resource, tenant.id);

  const { token, expiresIn } = await ctx.signer.sign({
    issuer: issuerFor(ctx.url, tenant.name),
    audience: resource,
    clientId,
    tenantId: tenant.id,
    objectId: app.objectId as string,
    roles: app.roles,
    lifetimeSeconds: ctx.lifetimeSeconds,
  });
  return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
}
