import type { TaskId } from './types';
import type { ValueMaps } from './value-maps';

/** Settings the mapping needs, taken from the configuration. */
export interface MapSettings {
  readonly forecastModel: string;
  readonly customerGroup: string;
  /** Send PROJECTDATAAREAID on actuals (intercompany). */
  readonly intercompany: boolean;
  /** Connection set: PSA organizational unit name → F&O legal entity (dataAreaId). */
  readonly orgUnitLegalEntity: Readonly<Record<string, string>>;
}

/** What the key map knows about a parent record. */
export type ParentState = { readonly legalEntity: string | null } | 'missing' | 'untracked';

/** The ports a mapping reads through; the engine fills them from its lookup cache and key map. */
export interface MapContext {
  readonly settings: MapSettings;
  readonly valueMaps: ValueMaps;
  /** A resolved Dataverse lookup record, or undefined when the referenced record does not exist. */
  lookup(lookup: string, id: string): Readonly<Record<string, unknown>> | undefined;
  /** State of a parent record written by `task`. */
  parent(task: TaskId, sourceId: string): ParentState;
  /** F&O→PSA: the Dataverse id of a project by its project number (key map), if known. */
  projectIdByNumber(projectNumber: string): string | undefined;
  /** F&O→PSA: the Dataverse transactioncurrencyid of an ISO currency code, if known. */
  currencyIdByCode(code: string): string | undefined;
  /** F&O→PSA: the id of an existing PSA transaction category with this name (match by name, no duplicate). */
  categoryIdByName(name: string): string | undefined;
}

/** Distinct legal entities of the connection set, sorted. */
export function legalEntities(settings: MapSettings): string[] {
  return [...new Set(Object.values(settings.orgUnitLegalEntity))].sort();
}
