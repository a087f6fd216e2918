/**
 * Pure reading of psafo_syncstatus rows: the OData query for one record, the row → typed record
 * mapping, and the psafo_details JSON (format documented in docs/psa-ui.md).
 */
import { FORMATTED_VALUE, StatusColumn, SyncStateValue, type SyncState } from './names';

export interface ChildCount {
  /** Child table logical name, e.g. msdyn_projecttask. */
  readonly table: string;
  readonly synced: number;
  readonly error: number;
  readonly skipped: number;
}

/** A locked field or function reported by the bridge (F&O functionality locking). */
export interface ReportedLock {
  /** Column logical name, when the lock is on a PSA column. */
  readonly column?: string;
  /** F&O function name, when the lock is on an F&O function (e.g. "Edit project"). */
  readonly name?: string;
  readonly reason: string;
}

export interface StatusDetails {
  readonly children: readonly ChildCount[];
  readonly lockedFields: readonly ReportedLock[];
  readonly finOpsLocking: readonly ReportedLock[];
  /** Longer error text (stack of service messages) shown behind "Show details". */
  readonly errorDetail?: string;
}

export interface SyncStatusRecord {
  readonly state: SyncState;
  readonly lastSyncedOn?: Date;
  readonly lastAttemptOn?: Date;
  readonly finOpsKey?: string;
  readonly legalEntity?: string;
  readonly message?: string;
  readonly runId?: string;
  readonly details: StatusDetails;
  /** True when psafo_details held text that is not the documented JSON. */
  readonly detailsInvalid: boolean;
}

export const EMPTY_DETAILS: StatusDetails = { children: [], lockedFields: [], finOpsLocking: [] };

export const STATUS_SELECT = [
  StatusColumn.state, StatusColumn.lastSyncedOn, StatusColumn.lastAttemptOn, StatusColumn.finOpsKey,
  StatusColumn.legalEntity, StatusColumn.message, StatusColumn.details, StatusColumn.runId,
] as const;

/** GUID as stored in psafo_recordid: lower case, no braces. */
export function normalizeId(id: string): string {
  return id.replace(/[{}]/g, '').trim().toLowerCase();
}

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Options for retrieveMultipleRecords('psafo_syncstatus', …) reading one record's row. */
export function statusQuery(table: string, recordId: string): string {
  const filter = `${StatusColumn.entityLogicalName} eq ${odataString(table)} and ${StatusColumn.recordId} eq ${odataString(normalizeId(recordId))}`;
  return `?$select=${STATUS_SELECT.join(',')}&$filter=${filter}`;
}

const STATE_BY_VALUE = new Map<number, SyncState>(
  (Object.entries(SyncStateValue) as [SyncState, number][]).map(([name, value]) => [value, name]),
);

/** psafo_state as a name: by option value, else by the formatted label, else by a text value. */
export function parseState(row: Record<string, unknown>): SyncState | undefined {
  const raw = row[StatusColumn.state];
  if (typeof raw === 'number') return STATE_BY_VALUE.get(raw);
  const text = typeof raw === 'string' ? raw : row[`${StatusColumn.state}${FORMATTED_VALUE}`];
  if (typeof text !== 'string') return undefined;
  const asNumber = Number(text);
  if (Number.isInteger(asNumber) && STATE_BY_VALUE.has(asNumber)) return STATE_BY_VALUE.get(asNumber);
  return (Object.keys(SyncStateValue) as SyncState[]).find((s) => s.toLowerCase() === text.trim().toLowerCase());
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function date(value: unknown): Date | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

function locks(value: unknown): ReportedLock[] {
  if (!Array.isArray(value)) return [];
  const out: ReportedLock[] = [];
  for (const item of value) {
    if (typeof item === 'string') { out.push({ name: item, reason: '' }); continue; }
    if (typeof item !== 'object' || item === null) continue;
    const o = item as Record<string, unknown>;
    const column = text(o.column) ?? text(o.field);
    const name = text(o.name) ?? text(o.function);
    if (!column && !name) continue;
    out.push({ ...(column ? { column: column.toLowerCase() } : {}), ...(name ? { name } : {}), reason: text(o.reason) ?? '' });
  }
  return out;
}

/** Parses psafo_details; unknown members are ignored, wrong shapes give `invalid`. */
export function parseDetails(raw: unknown): { details: StatusDetails; invalid: boolean } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { details: EMPTY_DETAILS, invalid: false };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try { value = JSON.parse(raw); } catch { return { details: EMPTY_DETAILS, invalid: true }; }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { details: EMPTY_DETAILS, invalid: true };
  const o = value as Record<string, unknown>;
  const children: ChildCount[] = [];
  if (typeof o.children === 'object' && o.children !== null && !Array.isArray(o.children)) {
    for (const [table, c] of Object.entries(o.children as Record<string, unknown>)) {
      if (typeof c !== 'object' || c === null) continue;
      const cc = c as Record<string, unknown>;
      children.push({ table, synced: count(cc.synced), error: count(cc.error ?? cc.errors), skipped: count(cc.skipped) });
    }
  }
  const fo = o.finOpsLocking;
  const finOpsLocking = Array.isArray(fo)
    ? locks(fo)
    : typeof fo === 'object' && fo !== null
      ? [...locks((fo as Record<string, unknown>).functions), ...locks((fo as Record<string, unknown>).lockedFields)]
      : [];
  return {
    details: {
      children,
      lockedFields: locks(o.lockedFields),
      finOpsLocking,
      ...(text(o.errorDetail) ? { errorDetail: text(o.errorDetail) } : {}),
    },
    invalid: false,
  };
}

/** Maps one psafo_syncstatus row; a row without a known state is treated as Queued. */
export function parseStatusRow(row: Record<string, unknown>): SyncStatusRecord {
  const { details, invalid } = parseDetails(row[StatusColumn.details]);
  const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    state: parseState(row) ?? 'Queued',
    ...opt('lastSyncedOn', date(row[StatusColumn.lastSyncedOn])),
    ...opt('lastAttemptOn', date(row[StatusColumn.lastAttemptOn])),
    ...opt('finOpsKey', text(row[StatusColumn.finOpsKey])),
    ...opt('legalEntity', text(row[StatusColumn.legalEntity])),
    ...opt('message', text(row[StatusColumn.message])),
    ...opt('runId', text(row[StatusColumn.runId])),
    details,
    detailsInvalid: invalid,
  } as SyncStatusRecord;
}

/** A record has reached F&O once it was synced at least once (even if a later attempt failed). */
export function isSyncedStatus(status: SyncStatusRecord | null | undefined): boolean {
  if (!status) return false;
  return status.state === 'Synced' || status.finOpsKey !== undefined || status.lastSyncedOn !== undefined;
}
