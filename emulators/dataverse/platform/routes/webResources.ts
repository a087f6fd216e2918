/**
 * `GET {dataverse}/WebResources/<name>`: an imported web resource's content with the content type
 * of its webresourcetype (PCF files are served as `cc_<control>/<file>`). Unauthenticated: the
 * real service serves these to the browser session, which the emulator does not model.
 */
import type { RecordStore, RouteHandler, RouteReply } from '../../extensibility';
import { WEB_RESOURCE_CONTENT_TYPES } from '../constants';

/** Plain and cache-busting (`/{638...}/WebResources/...`) forms, in the two casings browsers see. */
export const WEB_RESOURCES_PATHS = ['/WebResources/*', '/webresources/*', '/:version/WebResources/*', '/:version/webresources/*'];

export function webResourceRoute(store: () => RecordStore): RouteHandler {
  return (req): RouteReply => {
    // The router hands the wildcard over already URL-decoded.
    const name = req.params['*'] ?? '';
    if (name === '') {
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Name the web resource: /WebResources/<name>.' };
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
