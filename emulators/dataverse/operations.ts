/**
 * The write core shared by every entry point (single requests, $batch parts, *Multiple, upserts):
 * defaults, auto-numbers, alternate-key uniqueness, versioning, and the message pipeline.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceContext } from './context';
import { errors } from './errors';
import { runInUnit } from './pipeline';
import type { CompiledTable } from './schema/registry';
import type { RecordData, StoredRecord } from './store/types';
import { nowIso } from './odata/values';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `PRJ-01000-CCNID0`: prefix, the next number of the sequence (5 digits), 6 random characters. */
export function autoNumber(prefix: string, n: number): string {
  const bytes = randomBytes(6);
  const suffix = [...bytes].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');
  return `${prefix}-${String(n).padStart(5, '0')}-${suffix}`;
}

/** Alternate-key uniqueness; with `touched`, only keys that have one of those columns are checked. */
function checkKeys(ctx: ServiceContext, table: CompiledTable, data: RecordData, selfId: string, touched?: RecordData): void {
  for (const key of table.def.alternateKeys ?? []) {
    if (touched && !key.attributes.some((col) => col in touched)) continue;
    const values: RecordData = {};
    let complete = true;
    for (const col of key.attributes) {
      const v = data[col];
      if (v === undefined || v === null) { complete = false; break; }
      values[col] = v;
    }
    if (!complete) continue;
    const other = ctx.store.findByColumns(table.logicalName, values);
    if (other && other.id !== selfId) throw errors.duplicateKey();
  }
}

export async function createRow(ctx: ServiceContext, table: CompiledTable, input: RecordData, opts: { id?: string } = {}): Promise<StoredRecord> {
  return runInUnit(ctx, ctx.unit, async (unit) => {
    const data: RecordData = { ...input };
    const id = ((data[table.primaryId] as string | undefined) ?? opts.id ?? randomUUID()).toLowerCase();
    delete data[table.primaryId];
    if (ctx.store.exists(table.logicalName, id)) throw errors.duplicateKey();
    const now = nowIso();
    data.createdon = now;
    data.modifiedon = now;
    data.createdby = ctx.caller;
    data.modifiedby = ctx.caller;
    if (table.attributes.has('ownerid') && data.ownerid === undefined) data.ownerid = ctx.caller;
    data.statecode ??= 0;
    data.statuscode ??= data.statecode === 1 ? 2 : 1;
    for (const attr of table.attributes.values()) {
      if (attr.autoNumber && (data[attr.name] === undefined || data[attr.name] === null)) {
        data[attr.name] = autoNumber(attr.autoNumber.prefix, ctx.store.nextSequence(`${table.logicalName}.${attr.name}`, attr.autoNumber.seed));
      }
    }
    checkKeys(ctx, table, data, id);
    const row = ctx.store.insert(table.logicalName, id, data);
    if (ctx.pipeline.active) await ctx.pipeline.run(unit, {
      message: 'Create', entityLogicalName: table.logicalName, id, target: { ...input, [table.primaryId]: id },
      postImage: { ...row.data, [table.primaryId]: id }, caller: ctx.caller, depth: ctx.depth, correlationId: ctx.correlationId,
      operationId: randomUUID(),
    });
    return row;
  });
}

export async function updateRow(ctx: ServiceContext, table: CompiledTable, existing: StoredRecord, input: RecordData): Promise<StoredRecord> {
  // Inside a unit the caller read `existing` under the write lock: no need to read it again.
  const current = ctx.unit ? existing : undefined;
  return runInUnit(ctx, ctx.unit, async (unit) => {
    const changes: RecordData = { ...input };
    const newId = changes[table.primaryId];
    delete changes[table.primaryId];
    if (typeof newId === 'string' && newId.toLowerCase() !== existing.id) {
      throw errors.invalidArgument(`The primary key '${table.primaryId}' cannot be changed (${existing.id} → ${newId}).`);
    }
    if (changes.statecode !== undefined && changes.statuscode === undefined) changes.statuscode = changes.statecode === 1 ? 2 : 1;
    changes.modifiedon = nowIso();
    changes.modifiedby = ctx.caller;
    checkKeys(ctx, table, { ...existing.data, ...changes }, existing.id, changes);
    const row = ctx.store.update(table.logicalName, existing.id, changes, current);
    if (ctx.pipeline.active) await ctx.pipeline.run(unit, {
      message: 'Update', entityLogicalName: table.logicalName, id: existing.id, target: { ...input, [table.primaryId]: existing.id },
      preImage: { ...existing.data, [table.primaryId]: existing.id }, postImage: { ...row.data, [table.primaryId]: existing.id },
      caller: ctx.caller, depth: ctx.depth, correlationId: ctx.correlationId, operationId: randomUUID(),
    });
    return row;
  });
}

export async function deleteRow(ctx: ServiceContext, table: CompiledTable, existing: StoredRecord): Promise<void> {
  await runInUnit(ctx, ctx.unit, async (unit) => {
    ctx.store.delete(table.logicalName, existing.id);
    if (ctx.pipeline.active) await ctx.pipeline.run(unit, {
      message: 'Delete', entityLogicalName: table.logicalName, id: existing.id, target: { [table.primaryId]: existing.id },
      preImage: { ...existing.data, [table.primaryId]: existing.id }, caller: ctx.caller, depth: ctx.depth,
      correlationId: ctx.correlationId, operationId: randomUUID(),
    });
  });
}
