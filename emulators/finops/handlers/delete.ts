import { finopsErrors } from '../errors';
import { HEADER } from '../constants';
import type { EntityDef, Row } from '../model/types';
import { keyString } from '../model/values';
import { etagOf } from '../odata/serialize';
import { storeRuleContext } from './rule-context';
import { enforceLocking } from './write-rules';
import { journalLineDeletion } from '../rules/journal-line-deletion';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

/**
 * DELETE /data/<Set>(key): 204; a missing key answers the same 400 as an update of a missing key.
 * Unposted integration journal lines may be deleted; their actual is picked up again by the next import.
 */
export function deleteEntity(ctx: HandlerContext, entity: EntityDef, key: Row, req: ODataRequest): ODataResponse {
  if (entity.writable !== 'rw' && entity.writable !== 'delete') {
    if (entity.writable === 'read') throw finopsErrors.readOnly(entity.set);
    throw finopsErrors.methodNotAllowed('DELETE', entity.set);
  }
  const storeKey = keyString(entity, key);
  const existing = ctx.store.get(entity.set, storeKey);
  if (!existing) throw finopsErrors.noResourcesForUpdate();
  const ifMatch = req.headers[HEADER.ifMatch];
  if (ifMatch && ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(existing.version)) throw finopsErrors.preconditionFailed();
  enforceLocking(ctx, storeRuleContext(ctx.store, ctx.registry), entity, existing.data, undefined);
  if (entity.set === 'ProjCDSIntegrationJournalLines') {
    const violation = journalLineDeletion(existing.data);
    if (violation) throw finopsErrors.validation(entity.type, violation);
  }
  ctx.store.remove(entity.set, storeKey);
  if (entity.set === 'ProjCDSIntegrationJournalLines') afterJournalLineDeleted(ctx, existing.data);
  return { status: 204, headers: {} };
}

/** The staging actual of a deleted unposted line goes back to "not journalized": the next import re-inserts it. */
function afterJournalLineDeleted(ctx: HandlerContext, line: Row): void {
  const actuals = ctx.registry.require('ProjCDSActualsImports');
  const key = keyString(actuals, { dataAreaId: line.dataAreaId, ActualId: line.ActualId });
  const actual = ctx.store.get(actuals.set, key);
  if (actual) ctx.store.update(actuals.set, key, { ...actual.data, IsJournalized: 'No' });
  const journals = ctx.registry.require('ProjCDSIntegrationJournals');
  const jKey = keyString(journals, { dataAreaId: line.dataAreaId, JournalId: line.JournalId });
  const journal = ctx.store.get(journals.set, jKey);
  if (journal) ctx.store.update(journals.set, jKey, { ...journal.data, NumOfLines: Math.max(0, Number(journal.data.NumOfLines) - 1) });
}
