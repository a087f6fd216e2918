import { finopsErrors } from '../errors';
import { HEADER } from '../constants';
import { coerceBody } from '../model/coerce';
import type { EntityDef, Row } from '../model/types';
import { keyString } from '../model/values';
import { etagOf } from '../odata/serialize';
import { parseJsonBody } from './body';
import { storeRuleContext } from './rule-context';
import { afterContractLineWrite, enforceLocking, validateRow } from './write-rules';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

function same(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * PATCH/PUT /data/<Set>(key): update only; 204. A missing key is the documented 400 "No resources were
 * found when selecting for update." (F&O has no upsert). `If-Match` with a stale ETag answers 412.
 */
export function updateEntity(ctx: HandlerContext, entity: EntityDef, key: Row, req: ODataRequest): ODataResponse {
  if (entity.writable === 'read' || entity.writable === 'delete') throw finopsErrors.readOnly(entity.set);
  const changes = coerceBody(ctx.registry, entity, parseJsonBody(req.headers, req.body));
  const storeKey = keyString(entity, key);
  const existing = ctx.store.get(entity.set, storeKey);
  if (!existing) throw finopsErrors.noResourcesForUpdate();
  const ifMatch = req.headers[HEADER.ifMatch];
  if (ifMatch && ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(existing.version)) throw finopsErrors.preconditionFailed();
  for (const k of entity.keys) {
    if (changes[k] !== undefined && !same(changes[k], existing.data[k])) {
      throw finopsErrors.validation(entity.type, `Warning: The key field '${k}' cannot be changed. Delete the record and create it with the new key.`);
    }
  }
  const changed = Object.keys(changes).filter((f) => !same(changes[f], existing.data[f]));
  const merged: Row = { ...existing.data, ...changes };
  const rules = storeRuleContext(ctx.store, ctx.registry);
  if (changed.length > 0) enforceLocking(ctx, rules, entity, existing.data, changed);
  validateRow(rules, entity, merged);
  const stored = ctx.store.update(entity.set, storeKey, merged);
  afterContractLineWrite(ctx, rules, entity, merged);
  return { status: 204, headers: { [HEADER.etag]: etagOf(stored.version) } };
}
