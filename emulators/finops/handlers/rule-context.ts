import type { EntityRegistry } from '../model/registry';
import type { Row } from '../model/types';
import { keyString } from '../model/values';
import type { FinOpsStore } from '../store/store';
import type { RuleContext } from '../rules/context';

/** The rules' read port over the store. */
export function storeRuleContext(store: FinOpsStore, registry: EntityRegistry): RuleContext {
  return {
    get(set: string, key: Row) {
      const entity = registry.require(set);
      const values: Row = { ...key };
      if (entity.companySpecific && typeof values.dataAreaId === 'string') values.dataAreaId = values.dataAreaId.toLowerCase();
      return store.get(set, keyString(entity, values))?.data;
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
