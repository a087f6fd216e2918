import type { EntityRegistry } from '../model/registry';
import type { Row } from '../model/types';
import { keyString } from '../model/values';
import type { FinOpsStore } from '../store/store';
import type { RuleContext } from '../rules/context';

/** The rules' read port over the store. */
export function storeRuleContext(store: FinOpsStore, registry: EntityRegistry): RuleContext {
  const storeKey = (set: string, key: Row) => keyString(registry.require(set), key);
  return {
    get(set: string, key: Row) {
      return store.get(set, storeKey(set, key))?.data;
    },
    exists(set: string, key: Row) {
      return store.has(set, storeKey(set, key));
    },
    find(set: string, company: string | undefined, field: string, value: string) {
      const rows = store.query(set, {
        companies: company ? [company.toLowerCase()] : undefined,
        filter: { kind: 'cmp', op: 'eq', left: { kind: 'field', name: field }, right: { kind: 'literal', literal: { kind: 'string', value } } },
        top: 1,
      });
      return rows[0]?.data;
    },
    parameters(company: string) {
      return store.get('ProjCDSIntegrationParameters', company.toLowerCase())?.data;
    },
  };
}
