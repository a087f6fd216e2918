/**
 * Pure decision of the form script: which columns to disable and which notifications to show,
 * from the lock rules, the record's sync status and the columns present on the form.
 */
import { EnvVar } from '../shared/names';
import { fill, joinNames, type Lang } from '../shared/i18n';
import { lockedColumns, type LockedColumn, type ParsedLockRules } from '../shared/lock-rules';
import type { ReadProblem } from '../shared/read-errors';
import { isSyncedStatus, type SyncStatusRecord } from '../shared/sync-status';
import { FORM_STRINGS } from './strings';

export const NOTIFICATION_LOCKS = 'psafo_locks';
export const NOTIFICATION_RULES = 'psafo_rules';
export const NOTIFICATION_STATUS = 'psafo_status';

export type NotificationLevel = 'ERROR' | 'WARNING' | 'INFO';
export interface FormNotification { readonly id: string; readonly level: NotificationLevel; readonly text: string }

export interface FormFacts {
  readonly table: string;
  /** False on a create form. */
  readonly exists: boolean;
  readonly rules: ParsedLockRules;
  /** null = no status row; a ReadProblem when it could not be read. */
  readonly status: SyncStatusRecord | null | ReadProblem;
  /** Column logical name → label on this form, for the columns that are on the form. */
  readonly labels: Readonly<Record<string, string>>;
  readonly lang: Lang;
}

export interface FormPlan {
  /** Columns to disable (only those present on the form). */
  readonly disable: readonly LockedColumn[];
  readonly notifications: readonly FormNotification[];
}

function isProblem(value: FormFacts['status']): value is ReadProblem {
  return value !== null && 'kind' in value;
}

export function planForm(facts: FormFacts): FormPlan {
  const s = FORM_STRINGS[facts.lang];
  const notifications: FormNotification[] = [];
  if (facts.rules.error) {
    notifications.push({ id: NOTIFICATION_RULES, level: 'WARNING', text: fill(s.rulesInvalid, { name: EnvVar.fieldLockRules, problem: facts.rules.error }) });
  }
  const status = isProblem(facts.status) ? null : facts.status;
  if (isProblem(facts.status) && facts.exists) {
    notifications.push({ id: NOTIFICATION_STATUS, level: 'WARNING', text: fill(s.statusUnreadable, { problem: facts.status.message }) });
  }
  const locked = lockedColumns(facts.rules.rules, { table: facts.table, exists: facts.exists, synced: isSyncedStatus(status) })
    .filter((l) => l.column in facts.labels);
  if (locked.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const l of locked) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), facts.labels[l.column]]);
    const groups = [...byReason].map(([reason, names]) => fill(s.lockedGroup, { names: joinNames(names, facts.lang), reason }));
    notifications.push({ id: NOTIFICATION_LOCKS, level: 'INFO', text: fill(s.locked, { groups: groups.join('; ') }) });
  }
  if (status?.state === 'Error' && status.message) {
    notifications.push({ id: NOTIFICATION_STATUS, level: 'ERROR', text: fill(s.lastSyncFailed, { message: status.message }) });
  }
  return { disable: locked, notifications };
}
