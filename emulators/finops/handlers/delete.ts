import { finopsErrors } from '../errors';
import { HEADER } from '../constants';
import type { EntityDef, Row } from '../model/types';
import { keyString } from '../model/values';
import { etagOf } from '../odata/serialize';
import { storeRuleContext } from './rule-context';
import { enforceLocking } from './write-rules';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

/** DELETE /data/<Set>(key): 204; a missing key answers the same 400 as an update of a missing key. */
export function deleteEntity(ctx: HandlerContext, entity: EntityDef, key: Row, req: ODataRequest): ODataResponse {
  if (entity.writable !== 'rw') {
    if (entity.writable === 'read') throw finopsErrors.readOnly(entity.set);
    throw finopsErrors.methodNotAllowed('DELETE', entity.set);
  }
  const storeKey = keyString(entity, key);
  const existing = ctx.store.get(entity.set, storeKey);
  if (!existing) throw finopsErrors.noResourcesForUpdate();
  const ifMatch = req.headers[HEADER.ifMatch];
  if (ifMatch && ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(existing.version)) throw finopsErrors.preconditionFailed();
  enforceLocking(ctx, storeRuleContext(ctx.store, ctx.registry), entity, existing.data, undefined);
  ctx.store.remove(entity.set, storeKey);
  return { status: 204, headers: {} };
}
