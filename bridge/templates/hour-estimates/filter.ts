import type { FilterRule } from '../types';

/**
 * templates-spec §6.4: the shipped filter drops resource-specific rows; the filter on an empty
 * transaction category (summary rows) is not shipped by Microsoft but required, so it is on here.
 */
export const hourEstimatesFilter: readonly FilterRule[] = [
  { field: 'msdyn_islinetask', op: 'ne', value: true, reason: 'resource-specific line task (msdyn_islinetask = true)', shipped: true },
  { field: '_msdyn_transactioncategory_value', op: 'notNull', reason: 'summary row without transaction category', shipped: false },
];
