/** The `$filter` subset F&O OData supports (protocols.md §2.2), as an AST shared by parser and store. */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: string }
  | { kind: 'enum'; enumType: string; member: string };

export type Operand = { kind: 'field'; name: string } | { kind: 'literal'; literal: Literal };

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'cmp'; op: CompareOp; left: Operand; right: Operand };
