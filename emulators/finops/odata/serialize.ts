import type { EntityDef, Row } from '../model/types';
import type { StoredRow } from '../store/store';

/** Weak ETag in F&O's base64 form: `W/"JzAsMjI1NjU0MjExNzYn"` = base64 of `'0,<version>'`. */
export function etagOf(version: number): string {
  return `W/"${Buffer.from(`'0,${version}'`).toString('base64')}"`;
}

/** A row as F&O answers it: `@odata.etag`, then every field (or the `$select`ed ones) in declared order. */
export function serializeRow(entity: EntityDef, stored: StoredRow, select?: string[]): Row {
  const out: Row = { '@odata.etag': etagOf(stored.version) };
  const fields = select ? entity.fields.filter((f) => select.includes(f.name)) : entity.fields;
  for (const f of fields) out[f.name] = stored.data[f.name] ?? null;
  return out;
}

export function contextUrl(serviceRoot: string, entity: EntityDef, opts: { select?: string[]; single?: boolean } = {}): string {
  const sel = opts.select ? `(${opts.select.join(',')})` : '';
  return `${serviceRoot}/$metadata#${entity.set}${sel}${opts.single ? '/$entity' : ''}`;
}
