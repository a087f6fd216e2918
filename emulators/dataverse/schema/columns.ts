/** Small builders that keep the table definitions readable. */
import type { AttributeDefinition, OptionDefinition } from './types';

export const str = (name: string, maxLength = 100, extra: Partial<AttributeDefinition> = {}): AttributeDefinition =>
  ({ name, type: 'string', maxLength, ...extra });
export const memo = (name: string, maxLength = 2000): AttributeDefinition => ({ name, type: 'memo', maxLength });
export const int = (name: string, extra: Partial<AttributeDefinition> = {}): AttributeDefinition => ({ name, type: 'integer', ...extra });
export const dec = (name: string): AttributeDefinition => ({ name, type: 'decimal' });
export const dbl = (name: string): AttributeDefinition => ({ name, type: 'double' });
export const money = (name: string): AttributeDefinition => ({ name, type: 'money' });
export const bool = (name: string): AttributeDefinition => ({ name, type: 'boolean' });
export const datetime = (name: string): AttributeDefinition => ({ name, type: 'datetime' });
export const dateonly = (name: string): AttributeDefinition => ({ name, type: 'dateonly' });
export const guid = (name: string): AttributeDefinition => ({ name, type: 'uniqueidentifier' });
export const picklist = (name: string, options: OptionDefinition[]): AttributeDefinition => ({ name, type: 'picklist', options });
/**
 * Single-target lookup; the navigation property defaults to the column name, the one-to-many
 * relationship (collection-valued navigation property on the target) to `relationshipName`'s default.
 */
export const lookup = (name: string, target: string, navigation?: string, relationship?: string): AttributeDefinition =>
  ({ name, type: 'lookup', targets: [target], navigation: navigation ? { [target]: navigation } : undefined,
    relationship: relationship ? { [target]: relationship } : undefined });
/** Customer (account/contact) lookup: navigation properties `<name>_account`, `<name>_contact`. */
export const customer = (name: string, targets: string[] = ['account', 'contact'], relationship?: Record<string, string>): AttributeDefinition =>
  ({ name, type: 'customer', targets, relationship });

export const opts = (pairs: Array<[number, string]>): OptionDefinition[] => pairs.map(([value, label]) => ({ value, label }));

/** PSA option sets (templates-spec.md §8). */
export const OptionSets = {
  billingType: opts([[192350000, 'Non Chargeable'], [192350001, 'Chargeable'], [192350002, 'Complimentary'], [192350003, 'Not Available']]),
  transactionType: opts([[192350000, 'Cost'], [192350004, 'Project Contract'], [192350005, 'Unbilled Sales'], [192350006, 'Billed Sales'],
    [192350007, 'Resourcing Unit Cost'], [192350008, 'Inter-Organizational Sales']]),
  transactionClassification: opts([[192350000, 'Time'], [192350001, 'Expense'], [192350002, 'Material'], [192350003, 'Milestone'],
    [192350004, 'Fee'], [690970002, 'Tax']]),
  adjustmentStatus: opts([[192350000, 'In Process'], [192350001, 'Adjusted'], [192350002, 'Unadjustable']]),
  billingStatus: opts([[192350000, 'Unbilled Sales Created'], [192350001, 'Customer Invoice Created'], [192350002, 'Customer Invoice Posted'],
    [192350003, 'Canceled'], [192350004, 'Ready to Invoice']]),
  billingMethod: opts([[192350000, 'Time and Material'], [192350001, 'Fixed Price']]),
  orderType: opts([[192350000, 'Item based'], [192350001, 'Work based'], [690970002, 'Service-maintenance Based']]),
  paymentTerms: opts([[1, 'Net 30'], [2, '2% 10, Net 30'], [3, 'Net 45'], [4, 'Net 60']]),
  state: opts([[0, 'Active'], [1, 'Inactive']]),
  status: opts([[1, 'Active'], [2, 'Inactive']]),
};
