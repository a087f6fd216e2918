/**
 * Bulk messages (PAD bulk-operations.md): `POST /<set>/Microsoft.Dynamics.CRM.CreateMultiple |
 * UpdateMultiple | UpsertMultiple` with `{"Targets":[{..., "@odata.type":"Microsoft.Dynamics.CRM.<table>"}]}`.
 * One transaction for the whole request (standard tables): any failure rolls every target back.
 * CreateMultiple answers 200 `{"Ids":[...]}`, the two others 204. Upsert targets are matched by primary id, by `@odata.id` (`<set>(<key>)`) or by a complete
 * alternate key among their columns.
 */
import { Annotations, NAMESPACE } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl } from '../context';
import { errors } from '../errors';
import type { DvResponse } from '../http';
import { json, noContent } from '../http';
import { createRow, updateRow } from '../operations';
import { findByKey, parseEntityReference, parseKey } from '../odata/keys';
import type { KeyPredicate } from '../odata/keys';
import { parseJsonBody, toRecordData } from '../odata/payload';
import { runInUnit } from '../pipeline';
import type { CompiledTable } from '../schema/registry';
import type { RecordData, StoredRecord } from '../store/types';
import { payloadContext } from './create';
import type { EntityRoute } from './route';

export const BULK_ACTIONS = ['CreateMultiple', 'UpdateMultiple', 'UpsertMultiple'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

function locate(ctx: ServiceContext, table: CompiledTable, target: Record<string, unknown>, data: RecordData): { row?: StoredRecord; key?: KeyPredicate } {
  const odataId = target[Annotations.id];
  if (typeof odataId === 'string') {
    const ref = parseEntityReference(odataId);
    if (!ref || ref.entitySet !== table.entitySetName) throw errors.invalidArgument(`'@odata.id' must address ${table.entitySetName}(<key>) (got '${odataId}').`);
    const key = parseKey(table, ref.key);
    return { row: findByKey(ctx.store, table, key), key };
  }
  const id = data[table.primaryId];
  if (typeof id === 'string') return { row: ctx.store.get(table.logicalName, id), key: { kind: 'id', id } };
  for (const ak of table.def.alternateKeys ?? []) {
    if (ak.attributes.every((c) => data[c] !== undefined && data[c] !== null)) {
      const columns = Object.fromEntries(ak.attributes.map((c) => [c, data[c]]));
      return { row: ctx.store.findByColumns(table.logicalName, columns), key: { kind: 'columns', columns, text: '' } };
    }
  }
  return {};
}

export async function executeBulk(ctx: ServiceContext, route: EntityRoute, action: BulkAction): Promise<DvResponse> {
  const { table } = route;
  const body = parseJsonBody(route.req.body);
  const targets = body.Targets;
  if (!Array.isArray(targets)) throw errors.invalidArgument(`The '${action}' request requires a 'Targets' array of ${table.logicalName} entities.`);
  const expectedType = `${NAMESPACE}.${table.logicalName}`;
  const ids = await runInUnit(ctx, ctx.unit, async (unit) => {
    const inner: ServiceContext = { ...ctx, unit };
    const out: string[] = [];
    for (const [i, raw] of targets.entries()) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw errors.invalidArgument(`Targets[${i}] must be an entity object.`);
      const target = raw as Record<string, unknown>;
      const type = String(target[Annotations.type] ?? '').replace(/^#/, '');
      if (!type) throw errors.invalidArgument(`Targets[${i}]: '@odata.type' is required on every target (for example "${expectedType}").`);
      if (type !== expectedType) throw errors.invalidArgument(`Targets[${i}]: '@odata.type' is '${type}', but this ${action} is bound to ${table.entitySetName} (${expectedType}).`);
      const copy = { ...target };
      delete copy[Annotations.type];
      delete copy[Annotations.id];
      const data = toRecordData(payloadContext(inner), table, copy);
      if (action === 'CreateMultiple') {
        out.push((await createRow(inner, table, data)).id);
        continue;
      }
      const { row, key } = locate(inner, table, target, data);
      if (row) {
        if (key?.kind === 'columns') for (const col of Object.keys(key.columns)) delete data[col];
        out.push((await updateRow(inner, table, row, data)).id);
      } else if (action === 'UpdateMultiple') {
        if (!key) throw errors.invalidArgument(`Targets[${i}]: UpdateMultiple needs the primary key '${table.primaryId}' or '@odata.id' on every target.`);
        throw key.kind === 'id' ? errors.recordNotFound(table.logicalName, key.id) : errors.recordNotFoundByKey(table.logicalName, JSON.stringify(key.columns));
      } else {
        if (key?.kind === 'columns') for (const [c, v] of Object.entries(key.columns)) if (data[c] === undefined) data[c] = v;
        out.push((await createRow(inner, table, data, key?.kind === 'id' ? { id: key.id } : {})).id);
      }
    }
    return out;
  });
  // UpdateMultiple and UpsertMultiple answer 204: the UpsertMultipleResponse complex type is not returned (PAD webapi/reference/upsertmultiple).
  if (action !== 'CreateMultiple') return noContent();
  return json(200, { [Annotations.context]: `${metadataUrl(ctx)}#${NAMESPACE}.${action}Response`, Ids: ids });
}
