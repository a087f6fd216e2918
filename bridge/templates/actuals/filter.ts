import type { FilterRule } from '../types';

/** No shipped filter on actuals; the resource org unit "filter" is legal-entity routing (unmapped unit → skipped with a reason). */
export const actualsFilter: readonly FilterRule[] = [];

/** Decision: the actuals template sends only connections between actuals (estimate connections belong to expense-estimates). */
export const actualRelationshipsFilter: readonly FilterRule[] = [
  { field: 'msdyn_transaction1type', op: 'eq', value: 'msdyn_actual', reason: 'connection not between actuals', shipped: false },
];
