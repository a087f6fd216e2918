import type { EntityDef, Row } from '../model/types';
import type { StoredRow } from '../store/store';

/** Weak ETag in F&O's base64 form: `W/"JzAsMjI1NjU0MjExNzYn"` = base64 of `'0,<version>'`. */
export function etagOf(version: number): string {
  return `W/"${Buffer.from(`'0,${version}'`).toString('base64')}"`;
}

/**
 * A row as F&O answers it: `@odata.context` when given (a single entity's answer), `@odata.etag`, then
 * every field (or the `$select`ed ones) in declared order.
 */
export function serializeRow(entity: EntityDef, stored: StoredRow, select?: string[], context?: string): Row {
  const out: Row = context === undefined ? {} : { '@odata.context': context };
  out['@odata.etag'] = etagOf(stored.version);
  const fields = select ? entity.fields.filter((f) => select.includes(f.name)) : entity.fields;
  for (const f of fields) out[f.name] = stored.data[f.name] ?? null;
  return out;
}

/**
 * The JSON text of `serializeRow(entity, stored, undefined, context)`. When the row holds exactly the
 * entity's fields in declared order (what creates, updates and seeds write) and the store kept its JSON,
 * that text is reused instead of building and serializing a second wide object.
 */
export function serializeRowJson(entity: EntityDef, stored: StoredRow, context?: string): string {
  if (stored.json !== undefined && holdsExactlyTheFields(entity, stored.data)) {
    const head = context === undefined ? '' : `"@odata.context":${JSON.stringify(context)},`;
    return `{${head}"@odata.etag":${JSON.stringify(etagOf(stored.version))},${stored.json.slice(1)}`;
  }
  return JSON.stringify(serializeRow(entity, stored, undefined, context));
}

function holdsExactlyTheFields(entity: EntityDef, data: Row): boolean {
  const keys = Object.keys(data);
  if (keys.length === 0 || keys.length !== entity.fields.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== entity.fields[i].name || data[keys[i]] === undefined) return false;
  }
  return true;
}

export function contextUrl(serviceRoot: string, entity: EntityDef, opts: { select?: string[]; single?: boolean } = {}): string {
  const sel = opts.select ? `(${opts.select.join(',')})` : '';
  return `${serviceRoot}/$metadata#${entity.set}${sel}${opts.single ? '/$entity' : ''}`;
}
