/** Per-task counters of a run. */
export interface TaskTally {
  read: number;
  upserts: number;
  unchanged: number;
  skipped: number;
  filtered: number;
  errors: number;
  deleted: number;
}

export const emptyTally = (): TaskTally => ({ read: 0, upserts: 0, unchanged: 0, skipped: 0, filtered: 0, errors: 0, deleted: 0 });
