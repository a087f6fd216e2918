/**
 * The admin console's state and actions over injected ports (no DOM, no Xrm): loads runs and
 * records in error, filters them, and retries records through psafo_SyncNow.
 */
import { fill } from '../shared/i18n';
import { SYNC_RUN_TABLE, SYNC_STATUS_TABLE } from '../shared/names';
import { errorMessage } from '../shared/read-errors';
import { buildSyncNowRequest, type SyncNowRequest } from '../ribbon/request';
import { errorsQuery, filterErrors, parseErrorRow, retryPlan, type ErrorFilter, type ErrorRecord } from './errors';
import { parseRunRow, runsQuery, type RunRecord } from './runs';
import type { ConsoleStrings } from './strings';

export interface ConsolePorts {
  retrieve(table: string, options: string): Promise<readonly Record<string, unknown>[]>;
  execute(request: SyncNowRequest): Promise<{ ok?: boolean; status?: number; statusText?: string }>;
}

export interface ConsoleState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly problem: string | null;
  readonly runs: readonly RunRecord[];
  readonly errors: readonly ErrorRecord[];
  readonly selectedRun: string | null;
  readonly filter: ErrorFilter;
  readonly busy: boolean;
  readonly notice: { readonly kind: 'info' | 'error'; readonly text: string } | null;
}

export const INITIAL_STATE: ConsoleState = {
  phase: 'loading', problem: null, runs: [], errors: [], selectedRun: null, filter: { table: '', text: '' }, busy: false, notice: null,
};

/** Errors of the selected run (or all), then the table/text filter. */
export function visibleErrors(state: ConsoleState): ErrorRecord[] {
  const ofRun = state.selectedRun === null ? state.errors : state.errors.filter((e) => e.runId === state.selectedRun);
  return filterErrors(ofRun, state.filter);
}

export class ConsoleApp {
  private state: ConsoleState = INITIAL_STATE;

  constructor(private readonly ports: ConsolePorts, private readonly s: ConsoleStrings, private readonly onChange: (state: ConsoleState) => void) {}

  snapshot(): ConsoleState { return this.state; }

  async load(): Promise<void> {
    this.set({ busy: true });
    try {
      const [runs, errors] = await Promise.all([
        this.ports.retrieve(SYNC_RUN_TABLE, runsQuery()),
        this.ports.retrieve(SYNC_STATUS_TABLE, errorsQuery()),
      ]);
      this.set({ phase: 'ready', problem: null, runs: runs.map(parseRunRow), errors: errors.map(parseErrorRow), busy: false });
    } catch (err) {
      this.set({ phase: 'failed', problem: fill(this.s.readProblem, { message: errorMessage(err) }), busy: false });
    }
  }

  selectRun(runId: string | null): void {
    this.set({ selectedRun: runId });
  }

  setFilter(patch: Partial<ErrorFilter>): void {
    this.set({ filter: { ...this.state.filter, ...patch } });
  }

  /** Retries the given records (one call per table and 250 ids), then reloads. */
  async retry(records: readonly Pick<ErrorRecord, 'table' | 'recordId'>[]): Promise<void> {
    const calls = retryPlan(records);
    const count = calls.reduce((n, c) => n + c.recordIds.length, 0);
    if (count === 0 || this.state.busy) return;
    this.set({ busy: true, notice: { kind: 'info', text: fill(this.s.retrying, { count }) } });
    try {
      for (const call of calls) {
        const answer = await this.ports.execute(buildSyncNowRequest(call.entityLogicalName, call.recordIds));
        if (answer.ok === false) throw new Error(`${answer.status ?? ''} ${answer.statusText ?? ''}`.trim());
      }
      this.set({ busy: false, notice: { kind: 'info', text: fill(this.s.retried, { count }) } });
    } catch (err) {
      this.set({ busy: false, notice: { kind: 'error', text: fill(this.s.retryFailed, { message: errorMessage(err) }) } });
      return;
    }
    await this.load();
  }

  /** All records in error of one run. */
  retryRun(runId: string): Promise<void> {
    return this.retry(this.state.errors.filter((e) => e.runId === runId));
  }

  private set(patch: Partial<ConsoleState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }
}
