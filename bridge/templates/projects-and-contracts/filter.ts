import { PSA } from '../value-maps';
import type { FilterRule } from '../types';

/** Shipped Power Query filter of the contract task: only work-based orders (templates-spec §6.1). */
export const contractsFilter: readonly FilterRule[] = [
  { field: 'msdyn_ordertype', op: 'eq', value: PSA.orderType.workBased, reason: 'only work-based orders (msdyn_ordertype = 192350001) become project contracts', shipped: true },
];

/** No shipped filter on the other tasks; legal-entity routing by contracting unit replaces the org-unit Power Query filter. */
export const projectsFilter: readonly FilterRule[] = [];
export const contractLinesFilter: readonly FilterRule[] = [];
export const milestonesFilter: readonly FilterRule[] = [];
