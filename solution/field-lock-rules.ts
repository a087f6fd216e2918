/**
 * PSA-side field locking: which columns the form script makes read-only on a PSA record.
 * The rules ship as the default value of the environment variable psafo_FieldLockRules (JSON);
 * admins may override them per environment. The form script (webresources/shared/lock-rules.ts)
 * and the solution build both import DEFAULT_FIELD_LOCK_RULES from here.
 *
 * JSON format: {"version":1,"tables":{"<table logical name>":[{"column":"..","when":"synced|mastered","reason":".."}]}}
 */
export const FIELD_LOCK_RULES_VERSION = 1 as const;

/**
 * `synced`: locked once the record exists in F&O (its psafo_syncstatus row reached Synced);
 * `mastered`: always locked on existing records (the value is owned by the integration).
 */
export type FieldLockCondition = 'synced' | 'mastered';

export interface FieldLockRule {
  /** Column logical name. */
  readonly column: string;
  readonly when: FieldLockCondition;
  /** Shown to the user as the reason of the lock. */
  readonly reason: string;
}

export interface FieldLockRuleSet {
  readonly version: typeof FIELD_LOCK_RULES_VERSION;
  /** Keyed by table logical name. */
  readonly tables: Readonly<Record<string, readonly FieldLockRule[]>>;
}

const CONTRACT_REASON = 'This contract exists in Finance and Operations: its key, customer, currency and contracting unit can no longer change in PSA.';
const PROJECT_REASON = 'This project exists in Finance and Operations: its number, contracting unit and contract can no longer change in PSA.';

/**
 * Shipped defaults: the columns that identify a record in F&O or route it to a legal entity
 * (templates-spec §6.1, DESIGN §5 legal entity routing). Changing them after the first sync would
 * break the link to the F&O record.
 */
export const DEFAULT_FIELD_LOCK_RULES: FieldLockRuleSet = {
  version: FIELD_LOCK_RULES_VERSION,
  tables: {
    salesorder: [
      { column: 'ordernumber', when: 'synced', reason: CONTRACT_REASON },
      { column: 'customerid', when: 'synced', reason: CONTRACT_REASON },
      { column: 'transactioncurrencyid', when: 'synced', reason: CONTRACT_REASON },
      { column: 'msdyn_ordertype', when: 'synced', reason: CONTRACT_REASON },
      { column: 'msdyn_contractorganizationalunitid', when: 'synced', reason: CONTRACT_REASON },
    ],
    msdyn_project: [
      { column: 'msdynce_projectnumber', when: 'synced', reason: PROJECT_REASON },
      { column: 'msdyn_contractorganizationalunitid', when: 'synced', reason: PROJECT_REASON },
      { column: 'msdyn_salesorderid', when: 'synced', reason: PROJECT_REASON },
      { column: 'msdyn_customer', when: 'synced', reason: 'The customer account is fixed on the project in Finance and Operations once it exists there.' },
    ],
    salesorderdetail: [
      { column: 'msdyn_billingmethod', when: 'synced', reason: 'The billing method decides the type of the billing rule in Finance and Operations (time and material or fixed price); it cannot change once the billing rule exists.' },
      { column: 'salesorderid', when: 'synced', reason: 'The billing rule belongs to this contract in Finance and Operations.' },
      { column: 'msdyn_project', when: 'synced', reason: 'The billing rule belongs to this project in Finance and Operations.' },
    ],
    msdyn_contractlinescheduleofvalue: [
      { column: 'msdyn_contractlineid', when: 'synced', reason: 'The milestone belongs to this billing rule in Finance and Operations.' },
      { column: 'transactioncurrencyid', when: 'synced', reason: 'Finance and Operations does not allow the currency of a milestone to change.' },
    ],
    msdyn_projecttask: [
      { column: 'msdyn_project', when: 'synced', reason: 'The activity belongs to this project in Finance and Operations.' },
    ],
    msdyn_transactioncategory: [
      { column: 'msdyn_name', when: 'mastered', reason: 'Expense categories are mastered in Finance and Operations: change the category there and it syncs to PSA.' },
    ],
  },
};
