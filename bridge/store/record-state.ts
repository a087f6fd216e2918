import type { RecordOutcome } from './runs';

export type RecordSyncState = 'Queued' | 'Synced' | 'Error' | 'Skipped' | 'NotSynced';

/**
 * The sync state of one source record as the store knows it (admin API and `status` command):
 * waiting in the queue, else what its latest run did, else whether it was ever written to F&O.
 */
export function recordSyncState(known: { queued: boolean; lastOutcome?: RecordOutcome; written: boolean }): RecordSyncState {
  if (known.queued) return 'Queued';
  switch (known.lastOutcome) {
    case 'error':
      return 'Error';
    case 'skipped':
    case 'filtered':
      return 'Skipped';
    case 'upserted':
    case 'unchanged':
      return 'Synced';
    default:
      return known.written ? 'Synced' : 'NotSynced';
  }
}
