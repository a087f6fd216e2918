import { createHash } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import { literal, type DeployChange, type DeployDataverse } from './port';

export const SERVICE_ENDPOINT_NAME = 'psa-fo-sync bridge';
export const WEBHOOK_KEY_HEADER = 'x-psafo-key';

/** serviceendpoint option values (Dataverse). */
export const CONTRACT_WEBHOOK = 8;
export const AUTHTYPE_HTTP_HEADER = 5;
export const MESSAGEFORMAT_JSON = 2;

export interface EndpointSpec {
  /** The bridge's public URL, e.g. https://bridge.contoso.com */
  bridgeUrl: string;
  webhookKey: string;
}

/** The HttpHeader auth value: `<settings><setting name="x-psafo-key" value="..."/></settings>`. */
export function headerAuthValue(key: string): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: true });
  return builder.build({ settings: { setting: { '@name': WEBHOOK_KEY_HEADER, '@value': key } } });
}

/** authvalue is write-only in Dataverse, so a short fingerprint of the key goes in the description. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export function webhookUrl(bridgeUrl: string): string {
  return `${bridgeUrl.replace(/\/+$/, '')}/dataverse/webhook`;
}

/** Creates or updates the webhook service endpoint; returns its id and what changed. */
export async function ensureServiceEndpoint(dv: DeployDataverse, spec: EndpointSpec): Promise<{ id: string; change: DeployChange }> {
  const url = webhookUrl(spec.bridgeUrl);
  const description = `Webhook of the psa-fo-sync bridge (key fingerprint ${keyFingerprint(spec.webhookKey)})`;
  const desired = {
    name: SERVICE_ENDPOINT_NAME,
    contract: CONTRACT_WEBHOOK,
    url,
    authtype: AUTHTYPE_HTTP_HEADER,
    messageformat: MESSAGEFORMAT_JSON,
    description,
  };
  const [current] = await dv.query('serviceendpoints', {
    filter: `name eq ${literal(SERVICE_ENDPOINT_NAME)}`,
    select: ['serviceendpointid', 'url', 'authtype', 'contract', 'description', 'messageformat'],
  });
  if (!current) {
    const id = await dv.create('serviceendpoints', { ...desired, authvalue: headerAuthValue(spec.webhookKey) });
    return { id, change: { kind: 'serviceendpoint', action: 'create', detail: url } };
  }
  const id = String(current.serviceendpointid);
  const differs = current.url !== url || Number(current.authtype) !== AUTHTYPE_HTTP_HEADER || Number(current.contract) !== CONTRACT_WEBHOOK || current.description !== description;
  if (!differs) return { id, change: { kind: 'serviceendpoint', action: 'unchanged', detail: url } };
  await dv.update('serviceendpoints', id, { ...desired, authvalue: headerAuthValue(spec.webhookKey) });
  return { id, change: { kind: 'serviceendpoint', action: 'update', detail: url } };
}
