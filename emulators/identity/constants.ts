/** Protocol strings of the Microsoft identity platform v2 endpoints, named once. */
export const SANDBOX_TENANT = 'sandbox';
export const SANDBOX_TENANT_ID = '5a4d0b7e-0000-4000-8000-00000000a001';
export const SANDBOX_CLIENT_ID = 'psafo-sandbox';
export const SANDBOX_CLIENT_SECRET = 'sandbox-secret';
export const SANDBOX_APP_OBJECT_ID = '5a4d0b7e-0000-4000-8000-00000000a002';
/** Audience of the bridge's admin API (DESIGN §4). */
export const BRIDGE_API_AUDIENCE = 'api://psa-fo-sync';

export const GRANT_CLIENT_CREDENTIALS = 'client_credentials';
export const DEFAULT_SCOPE_SUFFIX = '/.default';
/** OIDC scopes a client may add; they carry no resource and are ignored in the client-credentials flow. */
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
export const CLIENT_ASSERTION_TYPE_JWT = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const TOKEN_LIFETIME_SECONDS = 3599;
export const SIGNING_ALG = 'RS256';

export const ROUTES = {
  token: '/:tenant/oauth2/v2.0/token',
  keys: '/:tenant/discovery/v2.0/keys',
  openidConfiguration: '/:tenant/v2.0/.well-known/openid-configuration',
  instanceDiscovery: '/common/discovery/instance',
} as const;

export function tenantBase(url: string, tenant: string): string {
  return `${url}/${tenant}`;
}
export function issuerFor(url: string, tenant: string): string {
  return `${tenantBase(url, tenant)}/v2.0`;
}
export function tokenEndpoint(url: string, tenant: string): string {
  return `${tenantBase(url, tenant)}/oauth2/v2.0/token`;
}
export function jwksUri(url: string, tenant: string): string {
  return `${tenantBase(url, tenant)}/discovery/v2.0/keys`;
}
export function openidConfigurationUrl(url: string, tenant: string): string {
  return `${tenantBase(url, tenant)}/v2.0/.well-known/openid-configuration`;
}
