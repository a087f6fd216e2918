/** Run history rows (psafo_syncrun): the query and the row → record mapping (pure). */
import { FORMATTED_VALUE, RunColumn, RunStateValue, RunTriggerValue, type RunState, type RunTrigger } from '../shared/names';

export interface RunRecord {
  readonly runId: string;
  readonly trigger: RunTrigger | null;
  readonly state: RunState | null;
  /** Labels to show: Dataverse's formatted values (user's language) when present, else the names. */
  readonly triggerLabel: string;
  readonly stateLabel: string;
  readonly startedOn: Date | null;
  readonly endedOn: Date | null;
  /** endedOn − startedOn; null while running or when a date is missing. */
  readonly durationMs: number | null;
  readonly upserts: number;
  readonly skipped: number;
  readonly errors: number;
  readonly summary: string;
}

export const RUN_HISTORY_SIZE = 50;

export function runsQuery(top = RUN_HISTORY_SIZE): string {
  const select = [RunColumn.runId, RunColumn.name, RunColumn.trigger, RunColumn.state, RunColumn.startedOn, RunColumn.endedOn,
    RunColumn.upserts, RunColumn.skipped, RunColumn.errors, RunColumn.summary];
  return `?$select=${select.join(',')}&$orderby=${RunColumn.startedOn} desc&$top=${top}`;
}

function byValue<K extends string>(values: Readonly<Record<K, number>>, row: Record<string, unknown>, column: string): K | null {
  const raw = row[column];
  const entry = (Object.entries(values) as [K, number][]).find(([, v]) => v === raw);
  if (entry) return entry[0];
  const label = row[`${column}${FORMATTED_VALUE}`] ?? raw;
  if (typeof label !== 'string') return null;
  return (Object.keys(values) as K[]).find((k) => k.toLowerCase() === label.toLowerCase()) ?? null;
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function label(row: Record<string, unknown>, column: string, name: string | null): string {
  const formatted = row[`${column}${FORMATTED_VALUE}`];
  return typeof formatted === 'string' && formatted !== '' ? formatted : (name ?? '—');
}

export function parseRunRow(row: Record<string, unknown>): RunRecord {
  const startedOn = date(row[RunColumn.startedOn]);
  const endedOn = date(row[RunColumn.endedOn]);
  const runId = row[RunColumn.runId] ?? row[RunColumn.name];
  const trigger = byValue(RunTriggerValue, row, RunColumn.trigger);
  const state = byValue(RunStateValue, row, RunColumn.state);
  return {
    runId: typeof runId === 'string' ? runId : '',
    trigger,
    state,
    triggerLabel: label(row, RunColumn.trigger, trigger),
    stateLabel: label(row, RunColumn.state, state),
    startedOn,
    endedOn,
    durationMs: startedOn && endedOn ? Math.max(0, endedOn.getTime() - startedOn.getTime()) : null,
    upserts: int(row[RunColumn.upserts]),
    skipped: int(row[RunColumn.skipped]),
    errors: int(row[RunColumn.errors]),
    summary: typeof row[RunColumn.summary] === 'string' ? (row[RunColumn.summary] as string) : '',
  };
}

/** "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const totalS = Math.round(s);
  const m = Math.floor(totalS / 60);
  if (m < 60) return `${m} min ${String(totalS % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
