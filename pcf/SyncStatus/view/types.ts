import type { ReadProblem } from '../../../webresources/shared/read-errors';
import type { SyncStatusRecord } from '../../../webresources/shared/sync-status';

/** What the control knows about the loading of the status row. */
export type LoadState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'loaded'; readonly status: SyncStatusRecord | null; readonly at: Date }
  | { readonly phase: 'failed'; readonly problem: ReadProblem };

export type Tone = 'loading' | 'problem' | 'notsynced' | 'queued' | 'synced' | 'error' | 'skipped';

export interface Fact { readonly label: string; readonly value: string }
export interface ChildLine { readonly label: string; readonly synced: string; readonly error: string | null; readonly skipped: string | null }
export interface LockLine { readonly column: string; readonly label: string; readonly reason: string; readonly source: string }

/** Everything the DOM renderer needs; produced by deriveView, a pure function. */
export interface StatusView {
  readonly tone: Tone;
  readonly badgeText: string;
  readonly summary: string;
  readonly facts: readonly Fact[];
  readonly message: string | null;
  readonly detail: { readonly text: string; readonly expanded: boolean; readonly toggleLabel: string } | null;
  readonly childrenTitle: string;
  readonly children: readonly ChildLine[];
  readonly locksTitle: string;
  readonly locks: readonly LockLine[];
  readonly problem: string | null;
  /** Text for the ARIA live region: changes only when the state changes. */
  readonly announcement: string;
  readonly polling: boolean;
  readonly footer: string;
  readonly refresh: { readonly text: string; readonly label: string; readonly disabled: boolean };
  readonly compact: boolean;
}
