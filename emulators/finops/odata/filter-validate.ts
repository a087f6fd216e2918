import { finopsErrors } from '../errors';
import { NAMESPACE } from '../constants';
import { enumMembers } from '../model/enums';
import { canonicalDate } from '../model/values';
import type { EntityDef } from '../model/types';
import type { EntityRegistry } from '../model/registry';
import type { FilterExpr, Operand } from './filter-ast';

/**
 * Checks a parsed `$filter` against the entity: properties exist, enum literals name the field's enum
 * type and a real member, enums compare with eq/ne only. Returns the expression with datetimes canonical.
 */
export function validateFilter(registry: EntityRegistry, entity: EntityDef, expr: FilterExpr): FilterExpr {
  const checkOperand = (o: Operand): Operand => {
    if (o.kind === 'field') {
      if (!registry.field(entity.set, o.name)) throw finopsErrors.unknownProperty(o.name, entity.type);
      return o;
    }
    if (o.literal.kind === 'datetime') {
      const d = canonicalDate(o.literal.value);
      if (!d) throw finopsErrors.badRequest(`The datetime literal '${o.literal.value}' is not valid.`, 'FO_BAD_FILTER');
      return { kind: 'literal', literal: { kind: 'datetime', value: d } };
    }
    return o;
  };
  const walk = (e: FilterExpr): FilterExpr => {
    if (e.kind === 'not') return { kind: 'not', expr: walk(e.expr) };
    if (e.kind !== 'cmp') return { kind: e.kind, left: walk(e.left), right: walk(e.right) };
    const left = checkOperand(e.left);
    const right = checkOperand(e.right);
    const field = left.kind === 'field' ? left : right.kind === 'field' ? right : undefined;
    const lit = left.kind === 'literal' ? left : right.kind === 'literal' ? right : undefined;
    const f = field ? registry.field(entity.set, field.name) : undefined;
    if (f?.type === 'enum' && lit) {
      if (e.op !== 'eq' && e.op !== 'ne') {
        throw finopsErrors.badRequest(`Enum property '${f.name}' supports only the eq and ne operators.`, 'FO_BAD_FILTER');
      }
      const l = lit.literal;
      const member = l.kind === 'enum' ? l.member : l.kind === 'string' ? l.value : undefined;
      if (l.kind === 'enum' && l.enumType !== f.enumType) {
        throw finopsErrors.badRequest(
          `A binary operator with incompatible types was detected. Found operand types '${NAMESPACE}.${f.enumType}' and '${NAMESPACE}.${l.enumType}' for operator kind '${e.op}'.`,
          'FO_BAD_FILTER',
        );
      }
      const canonical = enumMembers(f.enumType ?? '').find((m) => m.toLowerCase() === String(member).toLowerCase());
      if (member === undefined || !canonical) {
        throw finopsErrors.badRequest(`The string '${String(member)}' is not a valid enumerated type constant for '${NAMESPACE}.${f.enumType}'.`, 'FO_BAD_FILTER');
      }
      const fixed: Operand = { kind: 'literal', literal: { kind: 'enum', enumType: f.enumType ?? '', member: canonical } };
      return left.kind === 'field' ? { kind: 'cmp', op: e.op, left, right: fixed } : { kind: 'cmp', op: e.op, left: fixed, right };
    }
    return { kind: 'cmp', op: e.op, left, right };
  };
  return walk(expr);
}
