/**
 * System query options of a GET (PAD webapi/query/overview.md): names are case-sensitive,
 * `$skip`/`$search`/`$format` are rejected, parameter aliases (`@p1`) feed `$filter`.
 */
import { KNOWN_OPTIONS, Limits, UNSUPPORTED_OPTIONS } from '../constants';
import { errors } from '../errors';
import { parseFilter } from './filter-parser';
import type { FilterNode } from './filter-parser';
import type { OrderItem } from './sql';

/** Query parameters of the service the emulator does not implement: refused rather than ignored. */
const NOT_EMULATED = ['fetchXml', 'savedQuery', 'userQuery'];

/** One `$expand` item; `$filter`/`$orderby`/`$top` apply to collection-valued navigation properties only. */
export interface ExpandItem {
  navigation: string;
  select?: string[];
  filter?: FilterNode;
  orderby?: OrderItem[];
  top?: number;
  /** Options given inside the parentheses, decoded, in order (checked against the kind; rebuild next links). */
  params: Array<[string, string]>;
}

export interface QueryOptions {
  select?: string[];
  filter?: FilterNode;
  filterText?: string;
  orderby: OrderItem[];
  top?: number;
  count: boolean;
  expand: ExpandItem[];
  skiptoken?: string;
  deltatoken?: string;
  /** All parameters in request order, decoded (used to rebuild next/delta links). */
  params: Array<[string, string]>;
}

/** Percent-decoding without turning `+` into a space (a `+` in a date-time offset must survive). */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw errors.querySyntax(`The query string contains an invalid percent-encoding: '${text}'.`);
  }
}

export function splitQuery(query: string): Array<[string, string]> {
  if (!query) return [];
  return query.split('&').filter((p) => p.length > 0).map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [decodeComponent(pair), ''] : [decodeComponent(pair.slice(0, eq)), decodeComponent(pair.slice(eq + 1))];
  });
}

/** Splits on a separator at parenthesis depth 0, ignoring separators inside quoted literals. */
export function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === sep) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseSelect(text: string): string[] {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw errors.querySyntax("The $select query option is empty. List column names: $select=name,accountnumber.");
  return items;
}

/** Options allowed inside `$expand=nav(...)` (join-tables.md); parameter aliases do not reach inside. */
const EXPAND_OPTIONS = ['$select', '$filter', '$orderby', '$top'];

function parseExpandOptions(navigation: string, text: string, result: ExpandItem): void {
  for (const opt of splitTopLevel(text, ';')) {
    const eq = opt.indexOf('=');
    const name = eq < 0 ? opt : opt.slice(0, eq);
    const value = eq < 0 ? '' : opt.slice(eq + 1);
    if (name === '$expand') throw errors.notImplemented(`A nested $expand (inside $expand of '${navigation}')`);
    if (!EXPAND_OPTIONS.includes(name)) {
      throw errors.querySyntax(`The query option '${name}' is not supported inside $expand of '${navigation}'. Use $select, $filter, $orderby or $top.`);
    }
    if (result.params.some(([n]) => n === name)) throw errors.querySyntax(`Query option '${name}' was specified more than once inside $expand of '${navigation}'.`);
    result.params.push([name, value]);
    if (name === '$select') result.select = parseSelect(value);
    else if (name === '$filter') result.filter = parseFilter(value, {});
    else if (name === '$orderby') result.orderby = parseOrderBy(value);
    else result.top = parseTop(value);
  }
}

function parseExpand(text: string): ExpandItem[] {
  const items = splitTopLevel(text, ',');
  if (items.length > Limits.maxExpand) throw errors.querySyntax(`The number of $expand options exceeds the limit of ${Limits.maxExpand}.`);
  return items.map((item) => {
    const open = item.indexOf('(');
    if (open < 0) return { navigation: item, params: [] };
    if (!item.endsWith(')')) throw errors.querySyntax(`Syntax error in $expand at '${item}'.`);
    const navigation = item.slice(0, open).trim();
    const result: ExpandItem = { navigation, params: [] };
    parseExpandOptions(navigation, item.slice(open + 1, -1), result);
    return result;
  });
}

function parseTop(value: string): number {
  if (!/^\d+$/.test(value)) throw errors.querySyntax(`Invalid value '${value}' for $top query option found. The $top query option requires a non-negative integer value.`);
  return Number(value);
}

function parseOrderBy(text: string): OrderItem[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map((item) => {
    const [property, dir, extra] = item.split(/\s+/);
    if (extra !== undefined || (dir !== undefined && dir !== 'asc' && dir !== 'desc')) {
      throw errors.querySyntax(`Syntax error in $orderby at '${item}': use '<column> asc' or '<column> desc'.`);
    }
    return { property, desc: dir === 'desc' };
  });
}

export function parseQueryOptions(query: string): QueryOptions {
  const params = splitQuery(query);
  const aliases: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith('@')) aliases[k] = v;
  const options: QueryOptions = { orderby: [], count: false, expand: [], params };
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (NOT_EMULATED.includes(name)) throw errors.notImplemented(`The '${name}' query parameter (FetchXML and saved views)`);
    if (!name.startsWith('$')) continue;
    if (UNSUPPORTED_OPTIONS.includes(name)) throw errors.unsupportedQueryOption(name);
    if (!KNOWN_OPTIONS.includes(name)) throw errors.unknownQueryOption(name);
    if (seen.has(name)) throw errors.querySyntax(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    seen.add(name);
    switch (name) {
      case '$select': options.select = parseSelect(value); break;
      case '$filter': options.filter = parseFilter(value, aliases); options.filterText = value; break;
      case '$orderby': options.orderby = parseOrderBy(aliases[value] ?? value); break;
      case '$top': options.top = parseTop(value); break;
      case '$count':
        if (value !== 'true' && value !== 'false') throw errors.querySyntax(`'${value}' is not a valid count option.`);
        options.count = value === 'true';
        break;
      case '$expand': options.expand = parseExpand(value); break;
      case '$skiptoken': options.skiptoken = value; break;
      case '$deltatoken': options.deltatoken = value; break;
      case '$apply': throw errors.notImplemented('$apply (aggregation)');
    }
  }
  return options;
}

/** Rebuilds a query string from decoded parameters, replacing or adding one. */
export function buildQuery(params: Array<[string, string]>, replace: Record<string, string | undefined>): string {
  const out: string[] = [];
  const done = new Set<string>();
  for (const [k, v] of params) {
    if (k in replace) {
      if (done.has(k)) continue;
      done.add(k);
      const nv = replace[k];
      if (nv !== undefined) out.push(`${encodeKey(k)}=${k === '$deltatoken' ? encodeToken(nv) : encodeValue(nv)}`);
      continue;
    }
    out.push(v === '' && !k.startsWith('$') ? encodeKey(k) : `${encodeKey(k)}=${encodeValue(v)}`);
  }
  for (const [k, v] of Object.entries(replace)) if (!done.has(k) && v !== undefined) out.push(`${encodeKey(k)}=${k === '$deltatoken' ? encodeToken(v) : encodeValue(v)}`);
  return out.join('&');
}

function encodeKey(k: string): string {
  return k.replace(/[^A-Za-z0-9$@_.-]/g, (c) => encodeURIComponent(c));
}

/** Tokens are opaque: encode every reserved character (`!` too, as the service does). */
function encodeToken(v: string): string {
  return encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/g, ',').replace(/%24/g, '$').replace(/%40/g, '@').replace(/%2F/g, '/').replace(/%3A/g, ':');
}
