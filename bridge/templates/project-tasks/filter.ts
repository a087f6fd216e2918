import type { FilterRule } from '../types';

/** Shipped filter: resource-specific line tasks do not reach F&O (templates-spec §6.2). */
export const projectTasksFilter: readonly FilterRule[] = [
  { field: 'msdyn_islinetask', op: 'ne', value: true, reason: 'resource-specific line task (msdyn_islinetask = true)', shipped: true },
];
