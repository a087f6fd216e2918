import { finopsErrors } from '../errors';
import { HEADER } from '../constants';
import { coerceBody } from '../model/coerce';
import type { EntityDef } from '../model/types';
import { isBlank, keyDescription, keyString } from '../model/values';
import { projectDefaults } from '../rules/project-defaults';
import { DuplicateKeyError } from '../store/store';
import { contextUrl, etagOf, serializeRowJson } from '../odata/serialize';
import { parseJsonBody } from './body';
import { storeRuleContext } from './rule-context';
import { afterContractLineWrite, enforceLocking, validateRow } from './write-rules';
import type { HandlerContext, ODataRequest, ODataResponse } from './types';

const ACTUALS_SEQ = 'seq:ActualsImportId';

/**
 * POST /data/<Set>: create; 201 with the entity (`Prefer: return=minimal`: 204 with OData-EntityId).
 * No upsert: an existing key answers the duplicate 500.
 */
export function createEntity(ctx: HandlerContext, entity: EntityDef, req: ODataRequest): ODataResponse {
  if (entity.writable !== 'rw') {
    if (entity.writable === 'read' || entity.writable === 'delete') throw finopsErrors.readOnly(entity.set);
    throw finopsErrors.methodNotAllowed('POST', entity.set);
  }
  const given = coerceBody(ctx.registry, entity, parseJsonBody(req.headers, req.body));
  // every field in declared order: F&O's default, overwritten by the client's value
  const row = ctx.registry.newRow(entity);
  for (const name of Object.keys(given)) row[name] = given[name];
  if (entity.companySpecific && isBlank(given.dataAreaId)) row.dataAreaId = ctx.defaultCompany;
  for (const k of entity.keys) {
    if (isBlank(row[k]) && k !== 'dataAreaId') throw finopsErrors.validation(entity.type, `Warning: Field '${k}' must be filled in.`);
  }
  const rules = storeRuleContext(ctx.store, ctx.registry);
  if (entity.set === 'ProjCDSProjects') {
    const d = projectDefaults(rules, row, given);
    if ('error' in d) throw finopsErrors.validation(entity.type, d.error);
    Object.assign(row, d.set);
  }
  if (entity.set === 'ProjCDSActualsImports') {
    row.ActualsImportId = ctx.store.nextSequence(ACTUALS_SEQ);
    row.IsJournalized = 'No';
    row.IsDuplicate = 'No';
    row.Voucher = '';
  }
  if (entity.set === 'ProjCDSTasks') enforceLocking(ctx, rules, entity, row, undefined);
  validateRow(rules, entity, row);
  const key = keyString(entity, row);
  let stored;
  try {
    stored = ctx.store.insert(entity.set, key, entity.companySpecific ? String(row.dataAreaId) : '', row);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw finopsErrors.duplicate(entity.type, entity.label, keyDescription(entity, row));
    throw err;
  }
  afterContractLineWrite(ctx, rules, entity, row);
  const location = `${ctx.serviceRoot}/${entity.set}(${entity.keys.map((k) => `${k}='${String(row[k]).replace(/'/g, "''")}'`).join(',')})`;
  if (/return=minimal/i.test(req.headers[HEADER.prefer] ?? '')) {
    return { status: 204, headers: { [HEADER.location]: location, 'OData-EntityId': location, [HEADER.etag]: etagOf(stored.version), [HEADER.preferenceApplied]: 'return=minimal' } };
  }
  return {
    status: 201,
    headers: { [HEADER.location]: location, [HEADER.etag]: etagOf(stored.version) },
    jsonText: serializeRowJson(entity, stored, contextUrl(ctx.serviceRoot, entity, { single: true })),
  };
}
