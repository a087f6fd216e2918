/**
 * One-to-many relationships: the reverse of every lookup. Each lookup column `c` of table `t` that
 * targets table `r` gives `r` a collection-valued navigation property (Web API EntityType reference:
 * "Each single-valued navigation property has a corresponding partner collection-valued navigation
 * property on the related entity"). Its name is the relationship schema name: the one the column
 * declares (`relationship`), else the platform's pattern for system columns (`lk_<t>_createdby`,
 * `lk_<t>_modifiedby`, `TransactionCurrency_<t>`, and `user_<t>` for `ownerid`, whose real partner is
 * `owninguser`'s), else `<r>_<t>_<c>` (the pattern of custom relationships without the publisher prefix).
 */
import type { AttributeDefinition } from './types';

export interface CollectionNavigation {
  /** Collection-valued navigation property name on the referenced table. */
  name: string;
  /** Referencing (child) table logical name. */
  table: string;
  /** The child's lookup column. */
  attribute: AttributeDefinition;
  /** Single-valued navigation property on the child (the Partner). */
  partner: string;
  /** True when the lookup has several targets: child rows must also match the stored target. */
  polymorphic: boolean;
}

const SYSTEM_PATTERNS: Record<string, (table: string) => string> = {
  createdby: (t) => `lk_${t}_createdby`,
  modifiedby: (t) => `lk_${t}_modifiedby`,
  ownerid: (t) => `user_${t}`,
  transactioncurrencyid: (t) => `TransactionCurrency_${t}`,
};

/** The relationship schema name of `table.attr` → `target`. */
export function relationshipName(table: string, attr: AttributeDefinition, target: string): string {
  const explicit = attr.relationship?.[target];
  if (explicit) return explicit;
  const system = SYSTEM_PATTERNS[attr.name];
  if (system) return system(table);
  return `${target}_${table}_${attr.name}`;
}
