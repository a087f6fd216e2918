/**
 * Turns a webhook serviceendpoint's authtype/authvalue into what the request carries:
 * HttpHeader (5) → headers, WebhookKey (4) → `?code=`, HttpQueryString (6) → query pairs.
 * HttpHeader and HttpQueryString values are `<settings><setting name=".." value=".."/></settings>`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ServiceEndpointAuthType } from '../constants';
import { platformErrors } from '../errors';

export interface WebhookAuth { headers: Record<string, string>; query: Array<[string, string]> }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => n === 'setting' });

export function parseSettings(authValue: string): Array<[string, string]> {
  const valid = XMLValidator.validate(authValue);
  if (valid !== true) {
    throw platformErrors.invalidArgument(`The authvalue is not valid settings XML (${valid.err.msg}). Use <settings><setting name="Key" value="Value" /></settings>.`);
  }
  const doc = parser.parse(authValue) as { settings?: { setting?: Array<Record<string, string>> } };
  const settings = doc.settings?.setting ?? [];
  return settings
    .filter((s) => typeof s['@_name'] === 'string' && s['@_name'] !== '')
    .map((s) => [String(s['@_name']), String(s['@_value'] ?? '')] as [string, string]);
}

export function webhookAuth(authType: number | undefined, authValue: string | undefined): WebhookAuth {
  const none: WebhookAuth = { headers: {}, query: [] };
  if (!authValue) return none;
  switch (authType) {
    case ServiceEndpointAuthType.HttpHeader:
      return { headers: Object.fromEntries(parseSettings(authValue)), query: [] };
    case ServiceEndpointAuthType.WebhookKey:
      return { headers: {}, query: [['code', authValue]] };
    case ServiceEndpointAuthType.HttpQueryString:
      return { headers: {}, query: parseSettings(authValue) };
    default:
      return none;
  }
}

export function validateWebhookEndpoint(row: Record<string, unknown>): void {
  const authType = row.authtype === undefined || row.authtype === null ? undefined : Number(row.authtype);
  if (authType !== undefined && ![4, 5, 6].includes(authType)) {
    throw platformErrors.invalidArgument(`authtype ${authType} is not valid for a webhook (contract 8). Use 4 (WebhookKey), 5 (HttpHeader) or 6 (HttpQueryString).`);
  }
  const url = typeof row.url === 'string' ? row.url : '';
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw platformErrors.invalidArgument(`The webhook url '${url}' is not an absolute http(s) URL.`);
  }
  if ((authType === 5 || authType === 6) && typeof row.authvalue === 'string') parseSettings(row.authvalue);
}
