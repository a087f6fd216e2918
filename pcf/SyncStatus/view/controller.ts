/**
 * The control's state machine, independent of PCF: loads the status row and the settings through
 * injected ports, polls while the record is queued, and tells the adapter when to re-render.
 */
import { DEFAULT_FIELD_LOCK_RULES, type FieldLockRuleSet } from '../../../solution/field-lock-rules';
import { parseRefreshSeconds } from '../../../webresources/shared/env-vars';
import { parseLockRules } from '../../../webresources/shared/lock-rules';
import { DEFAULT_REFRESH_SECONDS, EnvVar } from '../../../webresources/shared/names';
import { classifyReadError } from '../../../webresources/shared/read-errors';
import { parseStatusRow } from '../../../webresources/shared/sync-status';
import type { LoadState } from './types';

export interface ControllerPorts {
  /** Rows of psafo_syncstatus for the record (0 or 1). */
  readStatus(table: string, recordId: string): Promise<readonly Record<string, unknown>[]>;
  /** Effective value of an environment variable, null when not defined. */
  readEnvVar(schemaName: string): Promise<string | null>;
  /** Display names of columns; may resolve to an empty object. */
  readColumnLabels(table: string, columns: readonly string[]): Promise<Record<string, string>>;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  now(): Date;
}

export interface ControllerState {
  readonly load: LoadState;
  readonly rules: FieldLockRuleSet;
  readonly refreshSeconds: number;
  readonly expanded: boolean;
  readonly busy: boolean;
  readonly columnLabels: Readonly<Record<string, string>>;
}

export class SyncStatusController {
  private table = '';
  private recordId: string | null = null;
  private state: ControllerState = {
    load: { phase: 'loading' }, rules: DEFAULT_FIELD_LOCK_RULES, refreshSeconds: DEFAULT_REFRESH_SECONDS,
    expanded: false, busy: false, columnLabels: {},
  };
  private settings: Promise<void> | null = null;
  private timer: unknown = null;
  private generation = 0;
  private disposed = false;

  constructor(private readonly ports: ControllerPorts, private readonly onChange: () => void) {}

  snapshot(): ControllerState { return this.state; }

  /** Sets the record shown; loads when it changed. */
  setRecord(table: string, recordId: string | null): void {
    if (table === this.table && recordId === this.recordId) return;
    this.table = table;
    this.recordId = recordId;
    this.settings = null;
    void this.refresh();
  }

  toggleDetails(): void {
    this.update({ expanded: !this.state.expanded });
  }

  /** Loads settings (once per record) and the status row; schedules the next poll while queued. */
  async refresh(): Promise<void> {
    if (this.disposed) return;
    this.stopTimer();
    const generation = ++this.generation;
    if (this.recordId === null) {
      this.update({ load: { phase: 'loaded', status: null, at: this.ports.now() }, busy: false });
      return;
    }
    this.update({ busy: true });
    this.settings ??= this.loadSettings(this.table);
    let load: LoadState;
    try {
      const [rows] = await Promise.all([this.ports.readStatus(this.table, this.recordId), this.settings]);
      load = { phase: 'loaded', status: rows[0] ? parseStatusRow(rows[0]) : null, at: this.ports.now() };
    } catch (err) {
      load = { phase: 'failed', problem: classifyReadError(err) };
    }
    if (generation !== this.generation || this.disposed) return;
    this.update({ load, busy: false });
    if (load.phase === 'loaded' && load.status?.state === 'Queued') {
      this.timer = this.ports.setTimer(() => { this.timer = null; void this.refresh(); }, this.state.refreshSeconds * 1000);
    }
  }

  /** Reads psafo_StatusRefreshSeconds, psafo_FieldLockRules and the column labels; failures keep defaults. */
  private async loadSettings(table: string): Promise<void> {
    const safe = async <T>(p: () => Promise<T>, fallback: T): Promise<T> => { try { return await p(); } catch { return fallback; } };
    const [seconds, rulesJson] = await Promise.all([
      safe(() => this.ports.readEnvVar(EnvVar.statusRefreshSeconds), null),
      safe(() => this.ports.readEnvVar(EnvVar.fieldLockRules), null),
    ]);
    const rules = parseLockRules(rulesJson).rules;
    const columns = (rules.tables[table] ?? []).map((r) => r.column);
    const columnLabels = columns.length > 0 ? await safe(() => this.ports.readColumnLabels(table, columns), {}) : {};
    this.state = { ...this.state, refreshSeconds: parseRefreshSeconds(seconds), rules, columnLabels };
  }

  private update(patch: Partial<ControllerState>): void {
    this.state = { ...this.state, ...patch };
    if (!this.disposed) this.onChange();
  }

  private stopTimer(): void {
    if (this.timer !== null) { this.ports.clearTimer(this.timer); this.timer = null; }
  }

  dispose(): void {
    this.disposed = true;
    this.stopTimer();
  }
}
