/**
 * Which registered steps fire for a message: enabled webhook steps of the message (and table,
 * when the step has a filter), in the asked stage and mode, whose filtering attributes intersect
 * the changed ones (Update only), ordered by rank.
 */
export interface StepRow {
  id: string;
  name: string;
  messageName: string;
  /** Table logical name of the step's sdkmessagefilter; undefined = any table. */
  entityLogicalName?: string;
  stage: number;
  mode: number;
  rank: number;
  filteringAttributes: string[];
  serviceEndpointId: string;
  asyncAutoDelete: boolean;
  enabled: boolean;
}

export interface MessageOccurrence {
  messageName: string;
  entityLogicalName?: string;
  changedAttributes?: string[];
}

export function parseFilteringAttributes(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

export function matchSteps(steps: StepRow[], occ: MessageOccurrence, stages: number[], mode: number): StepRow[] {
  return steps
    .filter((s) => s.enabled && s.mode === mode && stages.includes(s.stage))
    .filter((s) => s.messageName.toLowerCase() === occ.messageName.toLowerCase())
    .filter((s) => !s.entityLogicalName || s.entityLogicalName === 'none' || s.entityLogicalName === occ.entityLogicalName)
    .filter((s) => {
      if (occ.messageName !== 'Update' || s.filteringAttributes.length === 0) return true;
      const changed = new Set((occ.changedAttributes ?? []).map((a) => a.toLowerCase()));
      return s.filteringAttributes.some((a) => changed.has(a));
    })
    .sort((a, b) => a.stage - b.stage || a.rank - b.rank);
}
