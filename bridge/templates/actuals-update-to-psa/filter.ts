import type { FilterRule } from '../types';

/** Only posted staging rows (posting fills Voucher) flow back. */
export const actualsUpdateFilter: readonly FilterRule[] = [
  { field: 'Voucher', op: 'notNull', reason: 'staging actual not posted yet (no voucher)', shipped: false },
];

/** Relationships that came from PSA are not written back (the engine knows them from its key map). */
export const relationshipsUpdateFilter: readonly FilterRule[] = [];
