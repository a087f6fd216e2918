import { SYNC_STATE, SYNC_STATUS_ENTITY_SET, SYNC_STATUS_TABLE } from '../../solution/tables/syncstatus';
import type { TaskDef } from '../templates/types';
import type { Rec } from './ports';

export type RecordState = keyof typeof SYNC_STATE;

interface StatusEntry {
  entity: string;
  id: string;
  state: RecordState;
  message: string | null;
  finopsKey: string | null;
  legalEntity: string | null;
  synced: boolean;
}

type Counts = Record<string, { synced: number; errors: number; skipped: number }>;

/**
 * Collects what a run did to PSA records and builds the `psafo_syncstatus` rows (DESIGN §6):
 * a row for every project, contract, line, milestone and task, and for every record in error;
 * estimates and actuals are counted onto their project's row.
 */
export class StatusCollector {
  private readonly entries = new Map<string, StatusEntry>();
  private readonly projectCounts = new Map<string, Counts>();

  /**
   * `hadErrorRow` tells whether a record whose state is only counted (estimates, actuals) was in
   * error before: it then has its own Error row, which its success must overwrite.
   */
  constructor(private readonly hadErrorRow: (entity: string, id: string) => boolean = () => false) {}

  record(task: TaskDef, row: Rec, sourceId: string, state: RecordState, info: { message?: string | null; finopsKey?: string | null; legalEntity?: string | null } = {}): void {
    if (task.source.system !== 'dataverse') return;
    const policy = task.status;
    if (typeof policy === 'object') {
      const projectId = row[`_msdyn_${policy.countOnto}_value`];
      if (typeof projectId === 'string') {
        const counts = this.projectCounts.get(projectId) ?? {};
        const c = (counts[task.id] ??= { synced: 0, errors: 0, skipped: 0 });
        if (state === 'Synced') c.synced++;
        else if (state === 'Error') c.errors++;
        else c.skipped++;
        this.projectCounts.set(projectId, counts);
      }
    }
    const entity = task.source.entityName;
    const key = `${entity}|${sourceId}`;
    const prev = this.entries.get(key);
    if (policy !== 'own') {
      if (state === 'Error') {
        // an error of a later task on the same record (hour estimate of a task) must not hide the task's own state
        if (prev && prev.state !== 'Error') {
          prev.message = `${task.name}: ${info.message ?? ''}`;
          return;
        }
      } else if (prev || !this.hadErrorRow(entity, sourceId)) {
        // counted only; its own row exists only while it is in error, and a success clears it
        return;
      }
    }
    this.entries.set(key, {
      entity,
      id: sourceId,
      state,
      message: info.message ?? null,
      finopsKey: info.finopsKey ?? null,
      legalEntity: info.legalEntity ?? null,
      synced: state === 'Synced',
    });
  }

  get size(): number {
    return this.entries.size + this.projectCounts.size;
  }

  /** UpsertMultiple targets for psafo_syncstatuses, matched by the alternate key (entity, record id). */
  targets(runId: string, now: Date): Rec[] {
    const at = now.toISOString();
    const out: Rec[] = [];
    const projectEntity = 'msdyn_project';
    for (const e of this.entries.values()) {
      const details = e.entity === projectEntity ? this.projectCounts.get(e.id) : undefined;
      out.push({
        ...alternateKey(e.entity, e.id),
        psafo_name: `${e.entity} ${e.id}`,
        psafo_state: SYNC_STATE[e.state],
        psafo_lastattempton: at,
        ...(e.synced ? { psafo_lastsyncedon: at } : {}),
        psafo_finopskey: e.finopsKey,
        psafo_legalentity: e.legalEntity,
        psafo_message: e.message === null ? null : e.message.slice(0, 4000),
        ...(details ? { psafo_details: JSON.stringify({ children: details }) } : {}),
        psafo_runid: runId,
      });
    }
    for (const [projectId, counts] of this.projectCounts) {
      if (this.entries.has(`${projectEntity}|${projectId}`)) continue;
      out.push({ ...alternateKey(projectEntity, projectId), psafo_name: `${projectEntity} ${projectId}`, psafo_details: JSON.stringify({ children: counts }), psafo_runid: runId });
    }
    return out;
  }
}

export function alternateKey(entity: string, id: string): Rec {
  return {
    '@odata.id': `${SYNC_STATUS_ENTITY_SET}(psafo_entitylogicalname='${entity}',psafo_recordid='${id}')`,
    psafo_entitylogicalname: entity,
    psafo_recordid: id,
  };
}

export { SYNC_STATUS_ENTITY_SET, SYNC_STATUS_TABLE };
