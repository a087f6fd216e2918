import type { MapContext } from '../context';
import type { FieldMapping } from '../types';
import { actualTransactionType } from './actual-transaction-type';
import { nameUuid } from './name-uuid';
import type { TransformResult } from './result';
import { applyValueMap } from './value-map';

export type { TransformResult } from './result';

/** Reads a source path of the record being mapped (see map-record.ts). */
export type SourceReader = (path: string) => unknown;

/** A copy row's value: its source as read, null when absent (mapRecord reads copy rows through this without a result object). */
export function copiedValue(row: FieldMapping, read: SourceReader): unknown {
  const value = row.source === null ? null : read(row.source);
  return value === undefined ? null : value;
}

/** Applies one mapping row's transform to its source value. */
export function applyTransform(row: FieldMapping, read: SourceReader, ctx: MapContext): TransformResult {
  const t = row.transform;
  const value = row.source === null ? null : read(row.source);
  switch (t.kind) {
    case 'copy':
      return { value: copiedValue(row, () => value) };
    case 'constant':
      return { value: t.value };
    case 'valueMap':
      return applyValueMap(t, value, ctx.valueMaps, row.source ?? row.destination);
    case 'setting':
      return { value: t.setting === 'forecastModel' ? ctx.settings.forecastModel : ctx.settings.customerGroup };
    case 'intercompanyLegalEntity': {
      if (!ctx.settings.intercompany) return { omit: true };
      const name = value === null || value === undefined ? undefined : String(value);
      return { value: name === undefined ? null : ctx.settings.orgUnitLegalEntity[name] ?? null };
    }
    case 'actualTransactionType':
      return actualTransactionType(value, read(t.classificationField), ctx.valueMaps);
    case 'categoryId': {
      const id = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
      if (id !== null) return { value: id };
      const name = read(t.nameField);
      if (typeof name !== 'string' || name === '') return { error: `${t.nameField} is empty; the category cannot be identified` };
      return { value: ctx.categoryIdByName(name) ?? nameUuid(name) };
    }
    case 'bind':
      return bind(t, value, row.destination, ctx);
  }
}

function bind(t: Extract<FieldMapping['transform'], { kind: 'bind' }>, value: unknown, destination: string, ctx: MapContext): TransformResult {
  if (value === null || value === undefined || value === '') return { omit: true };
  const raw = String(value);
  let id: string | undefined = raw;
  if (t.by === 'keyMapProject') id = ctx.projectIdByNumber(raw);
  if (t.by === 'currencyCode') id = ctx.currencyIdByCode(raw);
  if (id === undefined) return { error: `${destination}: no ${t.entitySet} record for ${JSON.stringify(raw)}` };
  return { key: `${destination}@odata.bind`, value: `/${t.entitySet}(${id})` };
}
