import type { FilterRule } from '../types';

/** No filter ships with the accounts template; an account without a number cannot be keyed and is an error instead. */
export const accountsFilter: readonly FilterRule[] = [];
