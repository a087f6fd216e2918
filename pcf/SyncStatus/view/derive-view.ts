/** Pure state → view model of the SyncStatus control. */
import type { FieldLockRuleSet } from '../../../solution/field-lock-rules';
import { lockedColumns } from '../../../webresources/shared/lock-rules';
import type { ReadProblemKind } from '../../../webresources/shared/read-errors';
import { isSyncedStatus, type SyncStatusRecord } from '../../../webresources/shared/sync-status';
import { childLabelKey, format, type GetString, type StringKey } from './strings';
import type { ChildLine, Fact, LoadState, LockLine, StatusView, Tone } from './types';

/** Below this allocated width (px) the control uses its compact layout. */
export const COMPACT_WIDTH = 360;

export interface ViewInput {
  readonly table: string;
  /** Null on a record that is not saved yet. */
  readonly recordId: string | null;
  readonly load: LoadState;
  readonly rules: FieldLockRuleSet;
  readonly refreshSeconds: number;
  readonly expanded: boolean;
  /** context.mode.allocatedWidth; -1 or 0 when unknown. */
  readonly width: number;
  readonly busy: boolean;
  /** Column logical name → display name, when known (from entity metadata). */
  readonly columnLabels: Readonly<Record<string, string>>;
}

export interface Formatters {
  readonly dateTime: (value: Date) => string;
}

const PROBLEM_KEYS: Record<ReadProblemKind, StringKey> = {
  accessDenied: 'Problem_AccessDenied',
  tableMissing: 'Problem_TableMissing',
  offline: 'Problem_Offline',
  unknown: 'Problem_Unknown',
};

const STATE_TONE = { Queued: 'queued', Synced: 'synced', Error: 'error', Skipped: 'skipped' } as const;
const TONE_KEY: Record<Exclude<Tone, 'loading' | 'problem'>, StringKey> = {
  notsynced: 'State_NotSynced', queued: 'State_Queued', synced: 'State_Synced', error: 'State_Error', skipped: 'State_Skipped',
};

function facts(status: SyncStatusRecord, s: GetString, f: Formatters): Fact[] {
  const out: Fact[] = [];
  if (status.lastSyncedOn) out.push({ label: s('Label_LastSynced'), value: f.dateTime(status.lastSyncedOn) });
  if (status.lastAttemptOn && status.state !== 'Synced') out.push({ label: s('Label_LastAttempt'), value: f.dateTime(status.lastAttemptOn) });
  if (status.finOpsKey) out.push({ label: s('Label_FinOpsKey'), value: status.finOpsKey });
  if (status.legalEntity) out.push({ label: s('Label_LegalEntity'), value: status.legalEntity });
  if (status.state === 'Skipped' && status.message) out.push({ label: s('Label_Reason'), value: status.message });
  if (status.runId && status.state === 'Error') out.push({ label: s('Label_Run'), value: status.runId });
  return out;
}

function children(status: SyncStatusRecord | null, s: GetString): ChildLine[] {
  if (!status) return [];
  return status.details.children.map((c) => {
    const key = childLabelKey(c.table);
    return {
      label: key ? s(key) : c.table,
      synced: format(s('Children_Synced'), c.synced),
      error: c.error > 0 ? format(s('Children_Error'), c.error) : null,
      skipped: c.skipped > 0 ? format(s('Children_Skipped'), c.skipped) : null,
    };
  });
}

function locks(input: ViewInput, status: SyncStatusRecord | null, s: GetString): LockLine[] {
  const label = (column: string) => input.columnLabels[column] ?? column;
  const ours = lockedColumns(input.rules, { table: input.table, exists: input.recordId !== null, synced: isSyncedStatus(status) });
  const out: LockLine[] = ours.map((l) => ({ column: l.column, label: label(l.column), reason: l.reason, source: s('Lock_SourcePsa') }));
  const seen = new Set(out.map((l) => l.column));
  const reported = [
    ...(status?.details.lockedFields ?? []).map((l) => ({ l, source: s('Lock_SourcePsa') })),
    ...(status?.details.finOpsLocking ?? []).map((l) => ({ l, source: s('Lock_SourceFinOps') })),
  ];
  for (const { l, source } of reported) {
    const id = l.column ?? `fn:${l.name ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ column: l.column ?? '', label: l.column ? label(l.column) : (l.name ?? ''), reason: l.reason, source });
  }
  return out;
}

function tone(load: LoadState, recordId: string | null): Tone {
  if (recordId === null) return 'notsynced';
  if (load.phase === 'loading') return 'loading';
  if (load.phase === 'failed') return 'problem';
  return load.status ? STATE_TONE[load.status.state] : 'notsynced';
}

export function deriveView(input: ViewInput, s: GetString, f: Formatters): StatusView {
  const { load } = input;
  const status = load.phase === 'loaded' ? load.status : null;
  const t = tone(load, input.recordId);
  const badgeText = t === 'loading' ? s('Status_Loading') : t === 'problem' ? s('State_Error') : s(TONE_KEY[t]);
  let problem: string | null = null;
  if (input.recordId === null) problem = s('Problem_NewRecord');
  else if (load.phase === 'failed') problem = format(s(PROBLEM_KEYS[load.problem.kind]), load.problem.message);

  const errorText = status?.state === 'Error' ? (status.message ?? null) : null;
  const detailText = status?.state === 'Error'
    ? (status.details.errorDetail ?? null)
    : status?.detailsInvalid ? s('Details_Invalid') : null;
  const polling = status?.state === 'Queued' && input.recordId !== null;
  const summaryParts = [badgeText];
  if (status?.state === 'Synced' && status.lastSyncedOn) summaryParts.push(f.dateTime(status.lastSyncedOn));
  if (status?.finOpsKey) summaryParts.push(status.finOpsKey);
  if (status?.legalEntity) summaryParts.push(status.legalEntity);

  const footer: string[] = [];
  if (load.phase === 'loaded') footer.push(format(s('Status_UpdatedAt'), f.dateTime(load.at)));
  if (polling) footer.push(format(s('Status_AutoRefresh'), input.refreshSeconds));

  return {
    tone: t,
    badgeText,
    summary: summaryParts.join(' · '),
    facts: status ? facts(status, s, f) : [],
    message: errorText,
    detail: detailText === null ? null : {
      text: detailText,
      expanded: input.expanded,
      toggleLabel: input.expanded ? s('Action_HideDetails') : s('Action_ShowDetails'),
    },
    childrenTitle: s('Children_Title'),
    children: children(status, s),
    locksTitle: s('Locks_Title'),
    locks: locks(input, status, s),
    problem,
    announcement: t === 'loading' ? '' : format(s('Live_State'), problem && t === 'problem' ? problem : badgeText),
    polling,
    footer: footer.join(' · '),
    refresh: { text: s('Action_Refresh'), label: s('Action_RefreshLabel'), disabled: input.busy || input.recordId === null },
    compact: input.width > 0 && input.width < COMPACT_WIDTH,
  };
}
