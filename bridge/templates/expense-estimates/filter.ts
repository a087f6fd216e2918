import type { FilterRule } from '../types';

/** Transaction relationships task: only connections of estimate lines (templates-spec §6.5 step 1). */
export const estimateRelationshipsFilter: readonly FilterRule[] = [
  { field: 'msdyn_transaction1type', op: 'eq', value: 'msdyn_estimateline', reason: 'connection not between estimate lines', shipped: true },
];

export const expenseEstimatesFilter: readonly FilterRule[] = [];
