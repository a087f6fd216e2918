/**
 * Records in error (psafo_syncstatus rows in state Error): the query, filters by table and text,
 * and the retry plan: one psafo_SyncNow call per table and per 250 ids (pure).
 */
import { FORMATTED_VALUE, SYNC_NOW_MAX_RECORDS, StatusColumn, SyncStateValue } from '../shared/names';
import { normalizeId, odataString } from '../shared/sync-status';

export interface ErrorRecord {
  readonly table: string;
  readonly recordId: string;
  readonly name: string;
  readonly message: string;
  readonly runId: string;
  readonly lastAttemptOn: Date | null;
}

export const ERROR_LIST_SIZE = 500;

export function errorsQuery(runId?: string, top = ERROR_LIST_SIZE): string {
  const select = [StatusColumn.name, StatusColumn.entityLogicalName, StatusColumn.recordId, StatusColumn.message, StatusColumn.runId, StatusColumn.lastAttemptOn, StatusColumn.state];
  const filter = [`${StatusColumn.state} eq ${SyncStateValue.Error}`];
  if (runId) filter.push(`${StatusColumn.runId} eq ${odataString(runId)}`);
  return `?$select=${select.join(',')}&$filter=${filter.join(' and ')}&$orderby=${StatusColumn.lastAttemptOn} desc&$top=${top}`;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function parseErrorRow(row: Record<string, unknown>): ErrorRecord {
  const at = str(row[StatusColumn.lastAttemptOn]);
  const d = at ? new Date(at) : null;
  return {
    table: str(row[StatusColumn.entityLogicalName]),
    recordId: normalizeId(str(row[StatusColumn.recordId])),
    name: str(row[StatusColumn.name]) || str(row[`${StatusColumn.name}${FORMATTED_VALUE}`]),
    message: str(row[StatusColumn.message]),
    runId: str(row[StatusColumn.runId]),
    lastAttemptOn: d && !Number.isNaN(d.getTime()) ? d : null,
  };
}

export interface ErrorFilter {
  /** Table logical name, or '' for all. */
  readonly table: string;
  /** Case-insensitive text searched in the name, message, record id and run id; every word must match. */
  readonly text: string;
}

export function filterErrors(records: readonly ErrorRecord[], filter: ErrorFilter): ErrorRecord[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return records.filter((r) => {
    if (filter.table && r.table !== filter.table) return false;
    const haystack = `${r.name} ${r.message} ${r.recordId} ${r.runId} ${r.table}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Distinct tables, sorted, for the table filter. */
export function tablesOf(records: readonly ErrorRecord[]): string[] {
  return [...new Set(records.map((r) => r.table).filter((t) => t !== ''))].sort();
}

export interface RetryCall { readonly entityLogicalName: string; readonly recordIds: readonly string[] }

/** Groups records into psafo_SyncNow calls: one table per call, at most 250 ids, each id once. */
export function retryPlan(records: readonly Pick<ErrorRecord, 'table' | 'recordId'>[], chunk = SYNC_NOW_MAX_RECORDS): RetryCall[] {
  const byTable = new Map<string, string[]>();
  for (const r of records) {
    if (!r.table || !r.recordId) continue;
    const ids = byTable.get(r.table) ?? [];
    if (!ids.includes(r.recordId)) ids.push(r.recordId);
    byTable.set(r.table, ids);
  }
  const calls: RetryCall[] = [];
  for (const [table, ids] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = 0; i < ids.length; i += chunk) calls.push({ entityLogicalName: table, recordIds: ids.slice(i, i + chunk) });
  }
  return calls;
}
