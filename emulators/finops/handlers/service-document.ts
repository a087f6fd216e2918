import type { HandlerContext, ODataResponse } from './types';

/** GET /data/: the service document listing every entity set. */
export function serviceDocument(ctx: HandlerContext): ODataResponse {
  return {
    status: 200,
    headers: {},
    json: {
      '@odata.context': `${ctx.serviceRoot}/$metadata`,
      value: ctx.registry.entities.map((e) => ({ name: e.set, kind: 'EntitySet', url: e.set })),
    },
  };
}
