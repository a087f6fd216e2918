/**
 * `GET {dataverse}/WebResources/<name>`: an imported web resource's content with the content type
 * of its webresourcetype (PCF files are served as `cc_<control>/<file>`). Unauthenticated: the
 * real service serves these to the browser session, which the emulator does not model.
 */
import type { RecordStore, RouteHandler, RouteReply } from '../../extensibility';
import { WEB_RESOURCE_CONTENT_TYPES } from '../constants';

export const WEB_RESOURCES_PATH = '/WebResources/*';

export function webResourceRoute(store: () => RecordStore): RouteHandler {
  return (req): RouteReply => {
    const raw = req.params['*'] ?? req.path.replace(/^\/WebResources\//, '');
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'The web resource name is not valid URL encoding.' };
    }
    const row = store().findByColumns('webresource', { name });
    if (!row || typeof row.data.content !== 'string') {
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `The web resource '${name}' does not exist. Import the solution that contains it.` };
    }
    const type = WEB_RESOURCE_CONTENT_TYPES[Number(row.data.webresourcetype)] ?? 'application/octet-stream';
    return {
      status: 200,
      headers: { 'content-type': type, 'cache-control': 'no-cache', etag: `W/"${row.version}"` },
      body: Buffer.from(row.data.content, 'base64'),
    };
  };
}
