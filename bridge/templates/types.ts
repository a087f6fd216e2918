/**
 * The shape of a template as data (STYLE.md §3). A template is a list of tasks; a task maps one
 * source entity to one destination entity with a typed mapping table, a shipped filter, a routing
 * rule for the F&O legal entity and the parent records it needs.
 */

export type TemplateId =
  | 'accounts-to-customers'
  | 'projects-and-contracts'
  | 'project-tasks'
  | 'expense-categories-to-psa'
  | 'expense-categories-to-fo'
  | 'hour-estimates'
  | 'expense-estimates'
  | 'actuals'
  | 'actuals-update-to-psa';

export type TaskId =
  | 'accounts'
  | 'contracts'
  | 'projects'
  | 'contract-lines'
  | 'milestones'
  | 'tasks'
  | 'categories-to-psa'
  | 'categories-to-fo'
  | 'hour-estimates'
  | 'estimate-relationships'
  | 'expense-estimates'
  | 'actuals'
  | 'actual-relationships'
  | 'actuals-update'
  | 'relationships-update';

export type Direction = 'psa-to-fo' | 'fo-to-psa';

/** Names of the value maps (bridge/templates/value-maps.ts); each can be overridden in configuration. */
export type ValueMapId = 'paymentTerms' | 'contractLineType' | 'billingType' | 'transactionType' | 'estimateTransactionType' | 'billingTypeToPsa' | 'transactionTypeToPsa';

/** What a value map does with a value it does not contain. */
export type Unmapped = 'error' | 'default' | 'null' | 'skip';

/** The named transforms a mapping row may use; the code of each lives in bridge/templates/transforms/. */
export type Transform =
  | { readonly kind: 'copy' }
  | { readonly kind: 'constant'; readonly value: string | number | boolean }
  | { readonly kind: 'valueMap'; readonly map: ValueMapId; readonly unmapped: Unmapped; readonly default?: string | number | null }
  /** A value from the configuration (forecast model, customer group). */
  | { readonly kind: 'setting'; readonly setting: 'forecastModel' | 'customerGroup' }
  /** Intercompany PROJECTDATAAREAID: org unit name → legal entity, only when intercompany is enabled. */
  | { readonly kind: 'intercompanyLegalEntity' }
  /** Actual transaction type: classification Tax → Tax, else the transaction type value map. */
  | { readonly kind: 'actualTransactionType'; readonly classificationField: string }
  /** F&O→PSA: an F&O key value turned into a Dataverse lookup binding `<nav>@odata.bind`. */
  | { readonly kind: 'bind'; readonly entitySet: string; readonly by: 'id' | 'keyMapProject' | 'currencyCode' }
  /** F&O→PSA category id: INTEGRATIONID when present, else the PSA category of that name, else a name-based UUID of CATEGORYID (no duplicates). */
  | { readonly kind: 'categoryId'; readonly nameField: string };

/** One row of a mapping table. `source` null means a constant/function with no source field ("None" in the spec). */
export interface FieldMapping {
  /** Source path: `field`, `_lookup_value`, or `lookup.field` (resolved through `TaskSource.lookups`). */
  readonly source: string | null;
  /** Destination field: the F&O wire name (attribute list of the spec) or the Dataverse logical name. */
  readonly destination: string;
  readonly transform: Transform;
  /** An empty value is a record error naming the field (keys are always required). */
  readonly required?: boolean;
}

/** A Dataverse lookup the mapper reads a field through (`msdyn_project.msdynce_projectnumber`). */
export interface LookupDef {
  /** The `_x_value` attribute on the source record. */
  readonly attribute: string;
  readonly entitySet: string;
  readonly idField: string;
  readonly fields: readonly string[];
  /** The task whose F&O key holds the same value (`fields[0]` = destination key `keyField`): resolved from the key map without a request. */
  readonly keyMap?: { readonly task: TaskId; readonly keyField: string };
}

export type FilterRule =
  | { readonly field: string; readonly op: 'eq' | 'ne'; readonly value: string | number | boolean | null; readonly reason: string; readonly shipped: boolean }
  | { readonly field: string; readonly op: 'notNull'; readonly reason: string; readonly shipped: boolean };

/** How the F&O company (dataAreaId) of a PSA→F&O record is chosen. */
export type Routing =
  /** By an organizational unit lookup (name → legal entity via the connection set); unmapped → skipped with a reason. */
  | { readonly kind: 'orgUnit'; readonly lookup: string }
  /** The legal entity of a parent record already written (from the key map). */
  | { readonly kind: 'parent'; readonly parent: string }
  /** Written to every legal entity of the connection set. */
  | { readonly kind: 'allLegalEntities' }
  /** F&O→PSA: Dataverse has no company. */
  | { readonly kind: 'none' };

/** A record this record references and that must reach the destination first. */
export interface ParentRef {
  /** Name used by `Routing.parent` and in messages ("project", "contract line"). */
  readonly name: string;
  /** Source attribute holding the parent's source id. */
  readonly attribute: string;
  /** The task that writes the parent. */
  readonly task: TaskId;
}

export interface TaskSource {
  readonly system: 'dataverse' | 'finops';
  /** Dataverse entity set or F&O default entity set. */
  readonly entitySet: string;
  /** Dataverse table logical name (status rows) or F&O public entity name. */
  readonly entityName: string;
  readonly idField: string;
  readonly select: readonly string[];
  readonly lookups?: Readonly<Record<string, LookupDef>>;
  /** F&O reads only: a server-side `$filter`. */
  readonly serverFilter?: string;
  /**
   * F&O reads only (no change tracking there): a number F&O gives each row at insert, always growing,
   * and the filter of rows that may still change (not final). Each run reads only from the lowest row
   * that was not final at the previous run; `--full` reads everything.
   */
  readonly watermark?: { readonly field: string; readonly openFilter: string };
  /**
   * F&O reads only: after the first run, read only the rows that link (through `fields`) to rows the
   * task `task` read in the same run; everything when that task read many rows, failed, or on `--full`.
   */
  readonly scopeTo?: { readonly task: TaskId; readonly fields: readonly string[] };
}

export interface TaskDestination {
  readonly system: 'dataverse' | 'finops';
  /** Default F&O entity set (configurable) or the Dataverse entity set. */
  readonly entitySet: string;
  /** Dataverse destination: logical name for `@odata.type` in UpsertMultiple. */
  readonly entityName: string;
  /** Destination key fields (F&O: without dataAreaId, which is added when `routing` is not `none`). */
  readonly keyFields: readonly string[];
}

/** Where a record's sync status is written (DESIGN §6). */
export type StatusPolicy = 'own' | { readonly countOnto: string } | 'none';

export interface TaskDef {
  readonly id: TaskId;
  /** Microsoft's task name. */
  readonly name: string;
  readonly source: TaskSource;
  readonly destination: TaskDestination;
  readonly mapping: readonly FieldMapping[];
  readonly filter: readonly FilterRule[];
  readonly routing: Routing;
  readonly parents: readonly ParentRef[];
  readonly status: StatusPolicy;
  /** F&O→PSA: rows that these PSA→F&O tasks wrote are not written back (they came from PSA). */
  readonly excludeSyncedBy?: readonly TaskId[];
  /**
   * PSA→F&O: destination fields that F&O fills itself and an F&O→PSA task copies back to PSA (posting
   * writes the voucher into `ExternalReference`). They are left out of the change hash, so the copy
   * coming back is not written to F&O again as a change, and a PATCH leaves them out (PSA's copy, empty
   * until it comes back, must not blank F&O's); a create sends them.
   */
  readonly filledByFinOps?: readonly string[];
  /**
   * PSA→F&O: an F&O→PSA task that creates records of this table in PSA from F&O's rows (sales tax
   * actuals), upserted by `keyField`. Such a record, unknown to this task, came from F&O: it is recorded
   * as in sync with its hash, not sent back. A later PSA change to it is sent as usual.
   */
  readonly cameFromFinOpsVia?: { readonly task: TaskId; readonly keyField: string };
}

export interface TemplateDef {
  readonly id: TemplateId;
  /** Microsoft's released template name. */
  readonly name: string;
  readonly direction: Direction;
  /** Templates that must run first (DESIGN §5 "runs after"). */
  readonly dependsOn: readonly TemplateId[];
  /** Tasks in their run order inside the template. */
  readonly tasks: readonly TaskDef[];
}
