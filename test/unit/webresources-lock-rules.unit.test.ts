import { DEFAULT_FIELD_LOCK_RULES } from '../../solution/field-lock-rules';
import { lockedColumns, parseLockRules, validateLockRules } from '../../webresources/shared/lock-rules';

describe('field lock rules', () => {
  it('the shipped defaults validate and round-trip through their JSON', () => {
    expect(validateLockRules(DEFAULT_FIELD_LOCK_RULES).problem).toBeUndefined();
    const parsed = parseLockRules(JSON.stringify(DEFAULT_FIELD_LOCK_RULES));
    expect(parsed.error).toBeUndefined();
    expect(parsed.source).toBe('configured');
    expect(parsed.rules).toEqual(DEFAULT_FIELD_LOCK_RULES);
  });

  it('every table the form script runs on has default rules, each with a reason', () => {
    for (const table of ['msdyn_project', 'salesorder']) {
      const rules = DEFAULT_FIELD_LOCK_RULES.tables[table];
      expect(rules?.length).toBeGreaterThan(0);
      for (const r of rules ?? []) expect(r.reason.length).toBeGreaterThan(10);
    }
  });

  it('an empty value means the shipped defaults, without an error', () => {
    for (const v of [null, undefined, '', '   ']) {
      const parsed = parseLockRules(v);
      expect(parsed).toEqual({ rules: DEFAULT_FIELD_LOCK_RULES, source: 'default' });
    }
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"version":2,"tables":{}}', /"version" must be 1 \(found 2\)/],
    ['{"version":1}', /"tables" must be an object/],
    ['{"version":1,"tables":{"salesorder":{}}}', /tables\.salesorder" must be an array/],
    ['{"version":1,"tables":{"salesorder":[{"column":"","when":"synced","reason":"x"}]}}', /tables\.salesorder\[0\]\.column/],
    ['{"version":1,"tables":{"salesorder":[{"column":"name","when":"sometimes","reason":"x"}]}}', /tables\.salesorder\[0\]\.when must be one of synced, mastered/],
    ['{"version":1,"tables":{"salesorder":[{"column":"name","when":"synced"}]}}', /\.reason must be a non-empty text/],
  ])('invalid value %s falls back to the defaults with a precise error', (json, problem) => {
    const parsed = parseLockRules(json);
    expect(parsed.rules).toBe(DEFAULT_FIELD_LOCK_RULES);
    expect(parsed.source).toBe('default');
    expect(parsed.error).toMatch(problem);
  });

  it('normalises column and table names to lower case', () => {
    const parsed = parseLockRules('{"version":1,"tables":{"SalesOrder":[{"column":" Name ","when":"synced","reason":"r"}]}}');
    expect(parsed.rules.tables).toEqual({ salesorder: [{ column: 'name', when: 'synced', reason: 'r' }] });
  });

  const rules = parseLockRules(JSON.stringify({
    version: 1,
    tables: {
      msdyn_project: [
        { column: 'msdynce_projectnumber', when: 'synced', reason: 'key' },
        { column: 'msdyn_customer', when: 'synced', reason: 'customer' },
        { column: 'msdynce_projectnumber', when: 'mastered', reason: 'duplicate' },
      ],
      msdyn_transactioncategory: [{ column: 'msdyn_name', when: 'mastered', reason: 'from F&O' }],
    },
  })).rules;

  it('locks "synced" columns only once the record reached F&O', () => {
    expect(lockedColumns(rules, { table: 'msdyn_project', exists: true, synced: false }).map((l) => l.column)).toEqual(['msdynce_projectnumber']);
    expect(lockedColumns(rules, { table: 'msdyn_project', exists: true, synced: true })).toEqual([
      { column: 'msdynce_projectnumber', reason: 'key', when: 'synced' },
      { column: 'msdyn_customer', reason: 'customer', when: 'synced' },
    ]);
  });

  it('locks "mastered" columns on every existing record and nothing on a create form', () => {
    expect(lockedColumns(rules, { table: 'msdyn_transactioncategory', exists: true, synced: false }).map((l) => l.column)).toEqual(['msdyn_name']);
    expect(lockedColumns(rules, { table: 'msdyn_transactioncategory', exists: false, synced: false })).toEqual([]);
    expect(lockedColumns(rules, { table: 'account', exists: true, synced: true })).toEqual([]);
  });
});
