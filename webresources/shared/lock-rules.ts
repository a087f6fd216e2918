/**
 * Pure evaluation of the field lock rules (environment variable psafo_FieldLockRules, format in
 * solution/field-lock-rules.ts): parse and validate the JSON, then decide which columns of a
 * record are locked and why. Used by the form script and by the SyncStatus control.
 */
import {
  DEFAULT_FIELD_LOCK_RULES,
  FIELD_LOCK_RULES_VERSION,
  type FieldLockCondition,
  type FieldLockRule,
  type FieldLockRuleSet,
} from '../../solution/field-lock-rules';

export interface ParsedLockRules {
  readonly rules: FieldLockRuleSet;
  /** Set when the configured JSON was invalid; `rules` are then the shipped defaults. */
  readonly error?: string;
  readonly source: 'configured' | 'default';
}

const CONDITIONS: readonly FieldLockCondition[] = ['synced', 'mastered'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a parsed JSON value; returns the first problem, naming where it is. */
export function validateLockRules(value: unknown): { rules?: FieldLockRuleSet; problem?: string } {
  if (!isObject(value)) return { problem: 'the value must be a JSON object like {"version":1,"tables":{...}}' };
  if (value.version !== FIELD_LOCK_RULES_VERSION) {
    return { problem: `"version" must be ${FIELD_LOCK_RULES_VERSION} (found ${JSON.stringify(value.version)})` };
  }
  if (!isObject(value.tables)) return { problem: '"tables" must be an object keyed by table logical name' };
  const tables: Record<string, FieldLockRule[]> = {};
  for (const [table, list] of Object.entries(value.tables)) {
    if (!Array.isArray(list)) return { problem: `"tables.${table}" must be an array of rules` };
    const rules: FieldLockRule[] = [];
    for (let i = 0; i < list.length; i += 1) {
      const rule: unknown = list[i];
      const at = `tables.${table}[${i}]`;
      if (!isObject(rule)) return { problem: `${at} must be an object` };
      if (typeof rule.column !== 'string' || rule.column.trim() === '') return { problem: `${at}.column must be a column logical name` };
      if (typeof rule.when !== 'string' || !CONDITIONS.includes(rule.when as FieldLockCondition)) {
        return { problem: `${at}.when must be one of ${CONDITIONS.join(', ')}` };
      }
      if (typeof rule.reason !== 'string' || rule.reason.trim() === '') return { problem: `${at}.reason must be a non-empty text` };
      rules.push({ column: rule.column.trim().toLowerCase(), when: rule.when as FieldLockCondition, reason: rule.reason });
    }
    tables[table.toLowerCase()] = rules;
  }
  return { rules: { version: FIELD_LOCK_RULES_VERSION, tables } };
}

/**
 * Parses the environment variable value. Empty → shipped defaults. Invalid → shipped defaults
 * plus an error text for a form notification (never an exception: a bad setting must not break forms).
 */
export function parseLockRules(json: string | null | undefined): ParsedLockRules {
  if (json === null || json === undefined || json.trim() === '') {
    return { rules: DEFAULT_FIELD_LOCK_RULES, source: 'default' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { rules: DEFAULT_FIELD_LOCK_RULES, source: 'default', error: `not valid JSON (${(err as Error).message})` };
  }
  const { rules, problem } = validateLockRules(value);
  if (!rules) return { rules: DEFAULT_FIELD_LOCK_RULES, source: 'default', error: problem };
  return { rules, source: 'configured' };
}

/** What the rules need to know about a record. */
export interface LockSubject {
  readonly table: string;
  /** False on a create form (the record does not exist yet). */
  readonly exists: boolean;
  /** True once the record reached F&O (see isSyncedStatus). */
  readonly synced: boolean;
}

export interface LockedColumn {
  readonly column: string;
  readonly reason: string;
  readonly when: FieldLockCondition;
}

/** The columns locked on a record by the rules, in rule order, each column once. */
export function lockedColumns(rules: FieldLockRuleSet, subject: LockSubject): LockedColumn[] {
  if (!subject.exists) return [];
  const list = rules.tables[subject.table.toLowerCase()] ?? [];
  const seen = new Set<string>();
  const out: LockedColumn[] = [];
  for (const rule of list) {
    const applies = rule.when === 'mastered' || (rule.when === 'synced' && subject.synced);
    if (!applies || seen.has(rule.column)) continue;
    seen.add(rule.column);
    out.push({ column: rule.column, reason: rule.reason, when: rule.when });
  }
  return out;
}
