import type { FilterExpr, Literal, Operand } from '../odata/filter-ast';

/**
 * Compiles a validated `$filter` AST to an SQLite WHERE fragment over the JSON row (`json_extract`).
 * Strings compare case-insensitively (F&O's SQL Server collation); `'*text*'` with eq/ne becomes LIKE.
 */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const SQL_OP: Record<string, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const SWAPPED: Record<string, string> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

export function columnFor(field: string): string {
  if (field === 'dataAreaId') return 'company';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Invalid field name ${field}`);
  return `json_extract(data, '$.${field}')`;
}

function literalValue(l: Literal): unknown {
  switch (l.kind) {
    case 'string':
      return l.value;
    case 'number':
      return l.value;
    case 'bool':
      return l.value ? 1 : 0;
    case 'datetime':
      return l.value;
    case 'enum':
      return l.member;
    case 'null':
      return null;
  }
}

function likePattern(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

function operandSql(o: Operand, params: unknown[]): string {
  if (o.kind === 'field') return columnFor(o.name);
  params.push(literalValue(o.literal));
  return '?';
}

function compare(op: string, left: Operand, right: Operand, params: unknown[]): string {
  if (left.kind === 'literal' && right.kind === 'field') return compare(SWAPPED[op], right, left, params);
  if (right.kind === 'literal' && right.literal.kind === 'null') {
    const l = operandSql(left, params);
    return op === 'ne' ? `(${l} IS NOT NULL)` : `(${l} IS NULL)`;
  }
  const isString = (o: Operand) => o.kind === 'literal' && (o.literal.kind === 'string' || o.literal.kind === 'enum');
  if (right.kind === 'literal' && right.literal.kind === 'string' && right.literal.value.includes('*') && (op === 'eq' || op === 'ne')) {
    const l = operandSql(left, params);
    params.push(likePattern(right.literal.value));
    return `(${l} ${op === 'ne' ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\')`;
  }
  const l = operandSql(left, params);
  const r = operandSql(right, params);
  const collate = isString(right) || left.kind === 'field' && left.name === 'dataAreaId' ? ' COLLATE NOCASE' : '';
  return `(${l} ${SQL_OP[op]} ${r}${collate})`;
}

export function filterToSql(expr: FilterExpr): SqlFragment {
  const params: unknown[] = [];
  const walk = (e: FilterExpr): string => {
    switch (e.kind) {
      case 'and':
        return `(${walk(e.left)} AND ${walk(e.right)})`;
      case 'or':
        return `(${walk(e.left)} OR ${walk(e.right)})`;
      case 'not':
        return `(NOT ${walk(e.expr)})`;
      case 'cmp':
        return compare(e.op, e.left, e.right, params);
    }
  };
  return { sql: walk(expr), params };
}
