import type { FilterRule } from '../types';

/** No shipped filter. */
export const categoriesToFoFilter: readonly FilterRule[] = [];
