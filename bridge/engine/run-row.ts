import { RUN_STATE, RUN_TRIGGER, SYNC_RUN_ENTITY_SET, SYNC_RUN_TABLE } from '../../solution/tables/syncrun';
import type { RunState, RunTrigger } from '../store';
import type { Rec } from './ports';

export { SYNC_RUN_ENTITY_SET, SYNC_RUN_TABLE };

/** The `psafo_syncrun` row of a run (UpsertMultiple target, matched by the alternate key on psafo_runid). */
export function runRow(r: {
  runId: string;
  trigger: RunTrigger;
  state: RunState;
  startedOn: Date;
  endedOn?: Date;
  upserts: number;
  skipped: number;
  errors: number;
  summary: string;
}): Rec {
  return {
    '@odata.id': `${SYNC_RUN_ENTITY_SET}(psafo_runid='${r.runId}')`,
    psafo_runid: r.runId,
    psafo_name: `${r.trigger} ${r.startedOn.toISOString()}`,
    psafo_trigger: RUN_TRIGGER[r.trigger],
    psafo_startedon: r.startedOn.toISOString(),
    ...(r.endedOn ? { psafo_endedon: r.endedOn.toISOString() } : {}),
    psafo_state: RUN_STATE[r.state],
    psafo_upserts: r.upserts,
    psafo_skipped: r.skipped,
    psafo_errors: r.errors,
    psafo_summary: r.summary.slice(0, 4000),
  };
}
