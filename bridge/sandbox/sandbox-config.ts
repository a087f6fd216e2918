import type { ConfigInput } from '../config';

export interface SandboxUrls {
  bridge: string;
  dataverse: string;
  finops: string;
  identity: string;
}

export interface SandboxConfigInput {
  urls: SandboxUrls;
  dataDir: string;
  caPath: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  webhookKey: string;
  adminAudience: string;
  /** PSA organizational unit → F&O legal entity of the demo data. */
  organizationMappings: { organizationalUnit: string; legalEntity: string }[];
  forecastModel: string;
  /** Change-tracking catch-up interval; null = live and Sync now only. */
  scheduleMinutes: number | null;
}

/** The bridge configuration the sandbox writes to `<data-dir>/config.json`. Pure. */
export function sandboxConfig(input: SandboxConfigInput): ConfigInput & { bridge: Record<string, unknown> } {
  const authority = `${input.urls.identity}/${input.tenant}`;
  const auth = { authority, clientId: input.clientId, caFile: input.caPath };
  const bridgeUrl = new URL(input.urls.bridge);
  return {
    dataverse: { url: input.urls.dataverse, auth },
    finops: { url: input.urls.finops, auth },
    connectionSet: { organizationMappings: input.organizationMappings },
    templates: { forecastModel: input.forecastModel },
    sync: { scheduleMinutes: input.scheduleMinutes },
    store: { path: `${input.dataDir}/bridge.db` },
    sandbox: { clientSecret: input.clientSecret, webhookKey: input.webhookKey },
    bridge: {
      host: bridgeUrl.hostname,
      port: Number(bridgeUrl.port),
      publicUrl: input.urls.bridge,
      adminApi: {
        issuer: `${authority}/v2.0`,
        audience: input.adminAudience,
        jwksUrl: `${authority}/discovery/v2.0/keys`,
      },
    },
  };
}
