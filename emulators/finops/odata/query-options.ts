import { finopsErrors } from '../errors';
import { CROSS_COMPANY, SUPPORTED_QUERY_OPTIONS } from '../constants';
import type { EntityDef } from '../model/types';
import type { EntityRegistry } from '../model/registry';
import type { OrderBy } from '../store/store';
import type { FilterExpr } from './filter-ast';
import { navigationOf, type NavDef } from '../model/navigation';
import { FilterSyntaxError, parseFilter } from './filter-parser';
import { validateFilter } from './filter-validate';

export interface QueryOptions {
  filter?: FilterExpr;
  select?: string[];
  orderBy?: OrderBy[];
  top?: number;
  skip?: number;
  count: boolean;
  crossCompany: boolean;
  expand: NavDef[];
}

function nonNegativeInt(name: string, raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw finopsErrors.badRequest(`Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`, 'FO_BAD_QUERY');
  return Number(raw.trim());
}

/** Parses and validates the query string of a collection or entity GET against the entity. */
export function parseQueryOptions(registry: EntityRegistry, entity: EntityDef, query: URLSearchParams): QueryOptions {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (name.startsWith('$')) {
      if (!(SUPPORTED_QUERY_OPTIONS as readonly string[]).includes(name)) {
        throw finopsErrors.badRequest(`The query parameter '${name}' is not supported.`, 'FO_BAD_QUERY');
      }
      if (seen.has(name)) throw finopsErrors.badRequest(`Query option '${name}' was specified more than once, but it must be specified at most once.`, 'FO_BAD_QUERY');
      seen.add(name);
    }
  }
  const opts: QueryOptions = { count: false, expand: [], crossCompany: (query.get(CROSS_COMPANY) ?? '').toLowerCase() === 'true' };
  const filter = query.get('$filter');
  if (filter !== null) {
    try {
      opts.filter = validateFilter(registry, entity, parseFilter(filter));
    } catch (err) {
      if (err instanceof FilterSyntaxError) throw finopsErrors.badFilter(filter, err.position);
      throw err;
    }
  }
  const select = query.get('$select');
  if (select !== null) {
    opts.select = select.split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const s of opts.select) if (s !== '*' && !registry.field(entity.set, s)) throw finopsErrors.unknownProperty(s, entity.type);
    if (opts.select.includes('*')) opts.select = undefined;
  }
  const orderby = query.get('$orderby');
  if (orderby !== null) {
    opts.orderBy = orderby.split(',').map((part) => {
      const [field, dir, extra] = part.trim().split(/\s+/);
      if (!field || extra || (dir && dir !== 'asc' && dir !== 'desc')) throw finopsErrors.badRequest(`The $orderby expression '${orderby}' is not valid.`, 'FO_BAD_QUERY');
      if (!registry.field(entity.set, field)) throw finopsErrors.unknownProperty(field, entity.type);
      return { field, desc: dir === 'desc' };
    });
  }
  const top = query.get('$top');
  if (top !== null) opts.top = nonNegativeInt('$top', top);
  const skip = query.get('$skip');
  if (skip !== null) opts.skip = nonNegativeInt('$skip', skip);
  const count = query.get('$count');
  if (count !== null) {
    if (count !== 'true' && count !== 'false') throw finopsErrors.badRequest(`'${count}' is not a valid count option.`, 'FO_BAD_QUERY');
    opts.count = count === 'true';
  }
  const expand = query.get('$expand');
  if (expand !== null && expand.trim() !== '') {
    for (const item of expand.split(',').map((e) => e.trim())) {
      const name = item.split(/[(/]/)[0];
      const nav = navigationOf(entity.set, name);
      if (!nav) throw finopsErrors.unknownProperty(name, entity.type);
      if (item !== name) throw finopsErrors.badRequest(`Only the first level of $expand is supported, without nested options ('${item}').`, 'FO_BAD_QUERY');
      if (!opts.expand.includes(nav)) opts.expand.push(nav);
    }
  }
  const format = query.get('$format');
  if (format !== null && format !== 'json' && !format.startsWith('application/json')) {
    throw finopsErrors.badRequest(`The $format '${format}' is not supported; only json.`, 'FO_BAD_QUERY');
  }
  return opts;
}
