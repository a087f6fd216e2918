import type { Logger } from 'pino';
import {
  SANDBOX_APP_OBJECT_ID, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT, SANDBOX_TENANT_ID,
} from './constants';

/** A confidential client application known to the identity emulator. */
export interface IdentityApp {
  clientId: string;
  clientSecret: string;
  /** Object id of the app's service principal: the `oid`/`sub` claims. Derived from the client id when absent. */
  objectId?: string;
  displayName?: string;
  /** App roles put in the `roles` claim. */
  roles?: string[];
  /** When set, the only resources this app may request tokens for. */
  resources?: string[];
}

export interface IdentityTenant {
  /** Name used in URLs and in `iss` (e.g. `sandbox`). */
  name: string;
  /** Tenant GUID: the `tid` claim; also accepted in URLs. */
  id: string;
}

export interface IdentityEmulatorOptions {
  host?: string;
  port?: number;
  /** Persist the CA (`<dataDir>/ca.pem`), the TLS keys and the signing key under this directory. */
  dataDir?: string;
  logger?: Logger;
  tenants?: IdentityTenant[];
  /** Known applications; default: the sandbox application of DESIGN §4. */
  apps?: IdentityApp[];
  /**
   * Resources tokens may be requested for (e.g. the Dataverse and F&O emulator URLs). `api://…` resources are
   * always accepted. When absent, any http(s) URL is accepted too.
   */
  resources?: string[];
  tokenLifetimeSeconds?: number;
  latencyMs?: number;
}

export const DEFAULT_TENANTS: IdentityTenant[] = [{ name: SANDBOX_TENANT, id: SANDBOX_TENANT_ID }];

export const SANDBOX_APP: IdentityApp = {
  clientId: SANDBOX_CLIENT_ID,
  clientSecret: SANDBOX_CLIENT_SECRET,
  objectId: SANDBOX_APP_OBJECT_ID,
  displayName: 'PSA to Finance and Operations Sync (sandbox)',
};
