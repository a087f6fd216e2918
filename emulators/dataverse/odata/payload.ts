/**
 * Request bodies → canonical column values. Validates like the service: unknown properties,
 * wrong JSON types, string lengths (0x80044331), option values (0x8004431a), `@odata.bind` on
 * navigation property names (the `_x_value` properties are read-only).
 */
import { Annotations } from '../constants';
import { errors } from '../errors';
import type { CompiledTable, SchemaRegistry } from '../schema/registry';
import { isLookup } from '../schema/registry';
import type { RecordData, RecordStore } from '../store/types';
import { resolveReference } from './keys';
import { coerce } from './values';

const BIND_SUFFIX = Annotations.bind;

export function targetKey(column: string): string {
  return `${column}@target`;
}

export interface PayloadContext {
  schema: SchemaRegistry;
  store: RecordStore;
  /** Replaces `$n` Content-ID references inside a changeset. */
  resolveContentId?: (ref: string) => string | undefined;
}

export function parseJsonBody(body: string | Buffer | undefined): Record<string, unknown> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw errors.malformedJson(err instanceof Error ? err.message : String(err));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.malformedJson('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** Converts a create/update body into store values of `table`. */
export function toRecordData(ctx: PayloadContext, table: CompiledTable, body: Record<string, unknown>): RecordData {
  const out: RecordData = {};
  const set = table.entitySetName;
  for (const [key, raw] of Object.entries(body)) {
    if (key.endsWith(BIND_SUFFIX)) {
      const navName = key.slice(0, -BIND_SUFFIX.length);
      const nav = table.navigation.get(navName);
      if (!nav) {
        if (table.attributes.get(navName) && isLookup(table.attributes.get(navName)!)) {
          throw errors.payload(set, `An undeclared property '${navName}' which only has property annotations in the payload but no property value was found in the payload. Use the navigation property name (${[...table.navigation.values()].filter((n) => n.attribute.name === navName).map((n) => n.name).join(', ')}).`);
        }
        throw errors.payloadUnknownProperty(set, table.logicalName, navName);
      }
      if (raw === null) {
        out[nav.attribute.name] = null;
        out[targetKey(nav.attribute.name)] = null;
        continue;
      }
      const ref = typeof raw === 'string' && raw.startsWith('$') && ctx.resolveContentId ? ctx.resolveContentId(raw) ?? raw : raw;
      if (typeof ref === 'string' && ref.startsWith('$')) throw errors.batch(`Content-ID Reference: '${ref}' does not exist in the batch context.`);
      out[nav.attribute.name] = resolveReference(ctx.schema, ctx.store, ref, nav.target, navName);
      if ((nav.attribute.targets?.length ?? 0) > 1) out[targetKey(nav.attribute.name)] = nav.target;
      continue;
    }
    if (key.startsWith('@') || key.includes('@')) continue;
    if (table.lookupValues.has(key)) {
      throw errors.payload(set, 'CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.');
    }
    const attr = table.attributes.get(key);
    if (!attr) throw errors.payloadUnknownProperty(set, table.logicalName, key);
    if (isLookup(attr)) {
      if (typeof raw === 'object' && raw !== null) throw errors.payload(set, `Deep insert through '${key}' is not supported by the emulator; create the related row first and use '${key}@odata.bind'.`);
      throw errors.payload(set, `A node of type 'PrimitiveValue' was read from the JSON reader when trying to read the contents of the navigation property '${key}'; however, a 'StartObject' node or 'StartArray' node was expected. Use '${key}@odata.bind'.`);
    }
    if (attr.readOnly) continue;
    const c = coerce(attr, raw);
    if (!c.ok) throw errors.payload(set, `Cannot convert the literal '${typeof raw === 'string' ? raw : JSON.stringify(raw)}' to the expected type '${c.expected}'.`);
    const value = c.value;
    if (value !== null) {
      if (typeof value === 'string' && attr.maxLength !== undefined && value.length > attr.maxLength) {
        throw errors.tooLong(table.logicalName, key, attr.maxLength);
      }
      if (attr.options && !attr.options.some((o) => o.value === value)) {
        throw errors.outOfRange(table.logicalName, key, value, attr.options.map((o) => o.value).join(','));
      }
      if (typeof value === 'number' && ((attr.minValue !== undefined && value < attr.minValue) || (attr.maxValue !== undefined && value > attr.maxValue))) {
        throw errors.outOfRange(table.logicalName, key, value, `${attr.minValue ?? ''}..${attr.maxValue ?? ''}`);
      }
    }
    out[key] = value;
  }
  return out;
}
