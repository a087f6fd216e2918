import type { IdentityDirectory } from '../directory';
import { aadErrors } from '../errors';
import { issuerFor, jwksUri, openidConfigurationUrl, SIGNING_ALG, tenantBase, tokenEndpoint } from '../constants';

/** `GET /{tenant}/v2.0/.well-known/openid-configuration` — the fields msal-common validates, and the usual rest. */
export function openidConfiguration(url: string, directory: IdentityDirectory, tenantParam: string): Record<string, unknown> {
  const tenant = directory.tenant(tenantParam);
  if (!tenant) throw aadErrors.tenantNotFound(tenantParam);
  const base = tenantBase(url, tenantParam);
  return {
    token_endpoint: tokenEndpoint(url, tenantParam),
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    jwks_uri: jwksUri(url, tenantParam),
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(url, tenant.name),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${url}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'azp', 'appid', 'roles', 'ver'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: null,
    cloud_instance_name: new URL(url).host,
    cloud_graph_host_name: new URL(url).host,
    msgraph_host: new URL(url).host,
    rbac_url: url,
  };
}

/**
 * `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...` — AAD instance discovery, which
 * msal fetches unless the authority is in `knownAuthorities`. Our host is its own single alias.
 */
export function instanceDiscovery(url: string, directory: IdentityDirectory, authorizationEndpoint: string | undefined): Record<string, unknown> {
  const host = new URL(url).host;
  let tenant = 'common';
  if (authorizationEndpoint) {
    try {
      tenant = new URL(authorizationEndpoint).pathname.split('/').filter(Boolean)[0] ?? 'common';
    } catch {
      throw aadErrors.malformedBody(`authorization_endpoint '${authorizationEndpoint}' is not a URL.`);
    }
  }
  if (tenant !== 'common' && tenant !== 'organizations' && !directory.tenant(tenant)) throw aadErrors.tenantNotFound(tenant);
  return {
    tenant_discovery_endpoint: openidConfigurationUrl(url, tenant),
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

/** `GET /{tenant}/discovery/v2.0/keys`. */
export function keys(directory: IdentityDirectory, tenantParam: string, jwks: { keys: object[] }): { keys: object[] } {
  if (!directory.tenant(tenantParam)) throw aadErrors.tenantNotFound(tenantParam);
  return jwks;
}
