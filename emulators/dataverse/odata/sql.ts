/**
 * Compiles `$filter` and `$orderby` into SQL over the JSON rows of the SQLite store, with bound
 * parameters only (never literal text in SQL). Column references are resolved against the table
 * definition, so unknown columns answer the service's 400.
 */
import { errors } from '../errors';
import type { CompiledTable, SchemaRegistry } from '../schema/registry';
import { isLookup } from '../schema/registry';
import type { AttributeDefinition } from '../schema/types';
import { columnExpr, sqlValue, tableName } from '../store/sqlite-store';
import type { SqlQuery } from '../store/types';
import type { FilterNode, Literal, Operand } from './filter-parser';
import { canonicalDate, canonicalDateTime, edmType, isGuid, isoSeconds } from './values';

export interface ColumnRef {
  sql: string;
  attr: AttributeDefinition;
}

/** Resolves a property name of a query (`name`, `_x_value`, the primary id) to its SQL expression. */
export function resolveColumn(table: CompiledTable, name: string): ColumnRef {
  if (name === table.primaryId) return { sql: 'id', attr: table.attributes.get(name) as AttributeDefinition };
  const lookup = table.lookupValues.get(name);
  if (lookup) return { sql: columnExpr(lookup.name), attr: lookup };
  const attr = table.attributes.get(name);
  if (!attr || isLookup(attr)) throw errors.unknownProperty(table.logicalName, name);
  return { sql: columnExpr(name), attr };
}

const OPS: Record<string, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const OP_NAMES: Record<string, string> = { eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual' };

function literalEdm(lit: Literal): string {
  switch (lit.kind) {
    case 'string': return 'Edm.String';
    case 'number': return Number.isInteger(lit.value) ? 'Edm.Int32' : 'Edm.Decimal';
    case 'guid': return 'Edm.Guid';
    case 'date': return 'Edm.Date';
    case 'datetime': return 'Edm.DateTimeOffset';
    case 'boolean': return 'Edm.Boolean';
    case 'null': return 'null';
  }
}

/**
 * Converts a literal to the canonical value of the column it is compared with. The query
 * functions (`Microsoft.Dynamics.CRM.In`, `Between`, ...) take their values as strings
 * (`PropertyValues=['3','5']`): `fromString` converts those to numbers and booleans.
 */
export function literalFor(attr: AttributeDefinition, raw: Literal, opName = 'Equal', fromString = false): unknown {
  const type = edmType(attr);
  let lit = raw;
  if (fromString && raw.kind === 'string') {
    if (['Edm.Int32', 'Edm.Int64', 'Edm.Decimal', 'Edm.Double'].includes(type) && raw.value.trim() !== '' && Number.isFinite(Number(raw.value))) {
      lit = { kind: 'number', value: Number(raw.value), text: raw.value };
    } else if (type === 'Edm.Boolean' && (raw.value === 'true' || raw.value === 'false')) {
      lit = { kind: 'boolean', value: raw.value === 'true' };
    }
  }
  const mismatch = () => errors.querySyntax(
    `A binary operator with incompatible types was detected. Found operand types '${type}' and '${literalEdm(lit)}' for operator kind '${opName}'.`);
  switch (type) {
    case 'Edm.String':
      if (lit.kind === 'string') return lit.value;
      throw mismatch();
    case 'Edm.Guid':
      if (lit.kind === 'guid') return lit.value;
      if (lit.kind === 'string' && isGuid(lit.value)) return lit.value.toLowerCase();
      if (lit.kind === 'string') throw errors.badGuid(lit.value);
      throw mismatch();
    case 'Edm.Int32': case 'Edm.Int64': case 'Edm.Decimal': case 'Edm.Double':
      if (lit.kind === 'number') return lit.value;
      throw mismatch();
    case 'Edm.Boolean':
      if (lit.kind === 'boolean') return lit.value ? 1 : 0;
      if (lit.kind === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value;
      throw mismatch();
    case 'Edm.DateTimeOffset': {
      const v = lit.kind === 'date' || lit.kind === 'datetime' || lit.kind === 'string' ? canonicalDateTime(lit.value) : undefined;
      if (v) return v;
      throw mismatch();
    }
    case 'Edm.Date': {
      const v = lit.kind === 'date' || lit.kind === 'datetime' || lit.kind === 'string' ? canonicalDate(lit.value) : undefined;
      if (v) return v;
      throw mismatch();
    }
  }
}

function collate(attr: AttributeDefinition): string {
  return edmType(attr) === 'Edm.String' ? ' COLLATE NOCASE' : '';
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

class Compiler {
  readonly params: unknown[] = [];
  constructor(private readonly schema: SchemaRegistry) {}

  node(table: CompiledTable, n: FilterNode): string {
    switch (n.type) {
      case 'and': case 'or':
        return `(${this.node(table, n.left)} ${n.type.toUpperCase()} ${this.node(table, n.right)})`;
      case 'not':
        return `(NOT ${this.node(table, n.operand)})`;
      case 'compare':
        return this.compare(table, n.op, n.left, n.right);
      case 'in':
        return this.path(table, n.property, (col) => this.inList(col, n.values, false));
      case 'call':
        return this.path(table, n.property, (col) => {
          if (n.value.kind !== 'string') throw errors.querySyntax(`The function ${n.name} needs a string literal as second argument.`);
          if (edmType(col.attr) !== 'Edm.String') throw errors.querySyntax(`The function ${n.name} applies to string properties only.`);
          const v = likeEscape(n.value.value);
          this.params.push(n.name === 'contains' ? `%${v}%` : n.name === 'startswith' ? `${v}%` : `%${v}`);
          return `${col.sql} LIKE ? ESCAPE '\\'`;
        });
      case 'crm':
        return this.crm(table, n.name, n.args);
    }
  }

  /** A property path: `column` or `lookup/column` (one hop, through a subquery on the target table). */
  private path(table: CompiledTable, path: string[], inner: (col: ColumnRef, t: CompiledTable) => string): string {
    if (path.length === 1) return inner(resolveColumn(table, path[0]), table);
    if (path.length !== 2) throw errors.querySyntax(`The property path '${path.join('/')}' is not supported; use one lookup hop.`);
    const nav = table.navigation.get(path[0]);
    if (!nav) throw errors.unknownProperty(table.logicalName, path[0]);
    const target = this.schema.byLogicalName(nav.target);
    if (!target) throw errors.unknownProperty(table.logicalName, path[0]);
    const cond = inner(resolveColumn(target, path[1]), target);
    return `${columnExpr(nav.attribute.name)} IN (SELECT id FROM ${tableName(target.logicalName)} WHERE ${cond})`;
  }

  private compare(table: CompiledTable, op: string, left: Operand, right: Operand): string {
    if (left.kind === 'literal' && right.kind === 'literal') {
      if (left.literal.kind === 'boolean' && left === right) return left.literal.value ? '1' : '0';
      throw errors.querySyntax('A comparison needs at least one property.');
    }
    if (left.kind === 'literal') return this.compare(table, flip(op), right, left);
    const r = right;
    return this.path(table, (left as { path: string[] }).path, (col, t) => {
      if (r.kind === 'property') {
        const other = resolveColumn(t, r.path[0]);
        return `${col.sql} ${OPS[op]} ${other.sql}${collate(col.attr)}`;
      }
      if (r.literal.kind === 'null') {
        if (op === 'eq') return `${col.sql} IS NULL`;
        if (op === 'ne') return `${col.sql} IS NOT NULL`;
        throw errors.querySyntax(`The operator '${op}' cannot be used with null.`);
      }
      this.params.push(sqlValue(literalFor(col.attr, r.literal, OP_NAMES[op])));
      return `${col.sql} ${OPS[op]} ?${collate(col.attr)}`;
    });
  }

  private inList(col: ColumnRef, values: Literal[], negate: boolean, fromString = false): string {
    if (values.length === 0) return negate ? '1' : '0';
    for (const v of values) this.params.push(sqlValue(literalFor(col.attr, v, 'In', fromString)));
    return `${col.sql}${collate(col.attr)} ${negate ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`;
  }

  private crm(table: CompiledTable, name: string, args: Record<string, Literal | Literal[]>): string {
    const propArg = args.PropertyName;
    if (!propArg || Array.isArray(propArg) || propArg.kind !== 'string') {
      throw errors.querySyntax(`The function Microsoft.Dynamics.CRM.${name} needs PropertyName='<column>'.`);
    }
    const list = (): Literal[] => {
      const v = args.PropertyValues;
      if (!Array.isArray(v)) throw errors.querySyntax(`The function Microsoft.Dynamics.CRM.${name} needs PropertyValues=[...].`);
      return v;
    };
    const single = (): Literal => {
      const v = args.PropertyValue;
      if (!v || Array.isArray(v)) throw errors.querySyntax(`The function Microsoft.Dynamics.CRM.${name} needs PropertyValue=<value>.`);
      return v;
    };
    const count = (): number => {
      const v = single();
      const n = v.kind === 'number' ? v.value : v.kind === 'string' ? Number(v.value) : NaN;
      if (!Number.isInteger(n)) throw errors.querySyntax(`The function Microsoft.Dynamics.CRM.${name} needs an integer PropertyValue.`);
      return n;
    };
    return this.path(table, [propArg.value], (col) => {
      const date = (lit: Literal): unknown => literalFor(col.attr, lit, name, true);
      const day = (offsetDays: number) => isoSeconds(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offsetDays)));
      const between = (from: unknown, to: unknown, negate = false) => {
        this.params.push(sqlValue(from), sqlValue(to));
        return `${negate ? 'NOT ' : ''}(${col.sql} >= ?${collate(col.attr)} AND ${col.sql} <= ?${collate(col.attr)})`;
      };
      const dayRange = (fromIso: string, toIso: string) => {
        this.params.push(fromIso, toIso);
        return `(${col.sql} >= ? AND ${col.sql} < ?)`;
      };
      const compareTo = (sqlOp: string, v: unknown) => { this.params.push(sqlValue(v)); return `${col.sql} ${sqlOp} ?`; };
      const dayOf = (lit: Literal) => String(date(lit)).slice(0, 10);
      switch (name) {
        case 'In': return this.inList(col, list(), false, true);
        case 'NotIn': return this.inList(col, list(), true, true);
        case 'Between': case 'NotBetween': {
          const [a, b] = list();
          if (!a || !b) throw errors.querySyntax(`The function Microsoft.Dynamics.CRM.${name} needs two PropertyValues.`);
          return between(literalFor(col.attr, a, name, true), literalFor(col.attr, b, name, true), name === 'NotBetween');
        }
        case 'Null': return `${col.sql} IS NULL`;
        case 'NotNull': return `${col.sql} IS NOT NULL`;
        case 'On': { const d = dayOf(single()); return dayRange(`${d}T00:00:00Z`, nextDay(d)); }
        case 'NotOn': { const d = dayOf(single()); return `NOT ${dayRange(`${d}T00:00:00Z`, nextDay(d))}`; }
        case 'OnOrAfter': return compareTo('>=', `${dayOf(single())}${isDate(col.attr) ? '' : 'T00:00:00Z'}`);
        case 'OnOrBefore': return compareTo('<', isDate(col.attr) ? `${dayOf(single())}\uffff` : nextDay(dayOf(single())));
        case 'Today': return dayRange(day(0), day(1));
        case 'Yesterday': return dayRange(day(-1), day(0));
        case 'Tomorrow': return dayRange(day(1), day(2));
        case 'LastXDays': return dayRange(day(-count()), isoSeconds(new Date()));
        case 'NextXDays': return dayRange(isoSeconds(new Date()), day(count() + 1));
        case 'LastXHours': return dayRange(isoSeconds(new Date(Date.now() - count() * 3600_000)), isoSeconds(new Date()));
        case 'NextXHours': return dayRange(isoSeconds(new Date()), isoSeconds(new Date(Date.now() + count() * 3600_000)));
        case 'OlderThanXDays': return compareTo('<', day(-count()));
        default:
          throw errors.querySyntax(`An unknown function with name 'Microsoft.Dynamics.CRM.${name}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`);
      }
    });
  }
}

function isDate(attr: AttributeDefinition): boolean {
  return attr.type === 'dateonly';
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return isoSeconds(d);
}

function flip(op: string): string {
  return ({ gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' } as Record<string, string>)[op] ?? op;
}

export function compileFilter(schema: SchemaRegistry, table: CompiledTable, node: FilterNode): SqlQuery {
  const compiler = new Compiler(schema);
  const where = compiler.node(table, node);
  return { where, params: compiler.params };
}

export interface OrderItem {
  property: string;
  desc: boolean;
}

export function compileOrderBy(table: CompiledTable, items: OrderItem[]): string | undefined {
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const col = resolveColumn(table, item.property);
    return `${col.sql}${collate(col.attr)} ${item.desc ? 'DESC' : 'ASC'}`;
  }).join(', ');
}
