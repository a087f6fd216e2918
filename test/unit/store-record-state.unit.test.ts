import { recordSyncState } from '../../bridge/store/record-state';

describe('the sync state of a record', () => {
  it('is Queued while waiting, else what its last run did, else whether F&O has it', () => {
    expect(recordSyncState({ queued: true, lastOutcome: 'error', written: true })).toBe('Queued');
    expect(recordSyncState({ queued: false, lastOutcome: 'error', written: true })).toBe('Error');
    expect(recordSyncState({ queued: false, lastOutcome: 'filtered', written: false })).toBe('Skipped');
    expect(recordSyncState({ queued: false, lastOutcome: 'skipped', written: false })).toBe('Skipped');
    expect(recordSyncState({ queued: false, lastOutcome: 'unchanged', written: false })).toBe('Synced');
    expect(recordSyncState({ queued: false, written: true })).toBe('Synced');
    expect(recordSyncState({ queued: false, written: false })).toBe('NotSynced');
  });
});
