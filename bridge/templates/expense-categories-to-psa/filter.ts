import type { FilterRule } from '../types';

/** F&O categories without a category id cannot be named in PSA. */
export const categoriesToPsaFilter: readonly FilterRule[] = [
  { field: 'CategoryId', op: 'notNull', reason: 'F&O category without CategoryId', shipped: false },
];
