import fc from 'fast-check';
import { createSolutionModel } from '../../solution/model';
import { validateModel } from '../../solution/validate';
import { solutionVersion, SOLUTION_VERSION_PATTERN } from '../../solution/version';
import { OPTION_VALUE_PREFIX, optionValue } from '../../solution/constants';
import { SYNC_STATE } from '../../solution/tables/syncstatus';
import { RUN_STATE, RUN_TRIGGER } from '../../solution/tables/syncrun';
import { ModelValidationError } from '../../solution/errors';
import type { SolutionModel } from '../../solution/types';

const model = createSolutionModel('0.1.0.0');

function problemsOf(m: SolutionModel): string[] {
  try {
    validateModel(m);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ModelValidationError);
    return (err as ModelValidationError).problems.map((p) => `${p.code} ${p.message}`);
  }
}

describe('solution model', () => {
  it('is valid as shipped', () => {
    expect(problemsOf(model)).toEqual([]);
  });

  it('has the DESIGN identity', () => {
    expect(model).toMatchObject({ uniqueName: 'PsaFoSync', displayName: { en: 'PSA to Finance and Operations Sync' }, publisher: { uniqueName: 'psafosync', prefix: 'psafo', optionValuePrefix: 10471 } });
    expect(model.tables.map((t) => t.schemaName)).toEqual(['psafo_syncstatus', 'psafo_syncrun']);
    expect(model.environmentVariables.map((e) => e.schemaName)).toEqual(['psafo_BridgeUrl', 'psafo_FieldLockRules', 'psafo_StatusRefreshSeconds']);
    expect(model.customApis[0].requestParameters.map((p) => [p.uniqueName, p.type])).toEqual([['EntityLogicalName', 'String'], ['RecordIds', 'StringArray']]);
    expect(model.controls[0].name).toBe('psafo_PsaFoSync.SyncStatus');
  });

  it('derives option values from the option value prefix', () => {
    expect(optionValue(0)).toBe(OPTION_VALUE_PREFIX * 10000);
    expect(Object.values(SYNC_STATE)).toEqual([104710000, 104710001, 104710002, 104710003]);
    expect(Object.values(RUN_STATE)).toEqual([104710000, 104710001, 104710002, 104710003]);
    expect(Object.keys(RUN_TRIGGER)).toEqual(['Schedule', 'SyncNow', 'Live', 'Manual']);
    expect(() => optionValue(10000)).toThrow(RangeError);
  });

  it('reports every problem at once, each naming its component', () => {
    const [status, run] = model.tables;
    const bad: SolutionModel = {
      ...model,
      version: '1.0',
      tables: [status, { ...run, schemaName: 'psafo_syncstatus', alternateKeys: [{ ...run.alternateKeys[0], columns: ['psafo_nope'] }] }],
      customApis: [{ ...model.customApis[0], uniqueName: 'SyncNow' }],
    };
    const problems = problemsOf(bad);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^BAD_VERSION solution "PsaFoSync": version "1\.0"/),
      expect.stringMatching(/^DUPLICATE_SCHEMA_NAME table "psafo_syncstatus": duplicate schema name/),
      expect.stringMatching(/^BAD_KEY alternate key psafo_syncstatus\.psafo_runidkey: column "psafo_nope" does not exist/),
      expect.stringMatching(/^MISSING_PREFIX custom API "SyncNow": name "SyncNow" must start with the publisher prefix "psafo_"/),
    ]));
  });

  it('rejects option values outside the prefix range and memo columns in keys', () => {
    const [status] = model.tables;
    const state = status.columns.find((c) => c.kind === 'choice');
    if (state?.kind !== 'choice') throw new Error('psafo_state missing');
    const badState = { ...state, options: [...state.options, { value: 100000000, label: { en: 'Other' } }] };
    const badTable = {
      ...status,
      columns: status.columns.map((c) => (c === state ? badState : c)),
      alternateKeys: [{ schemaName: 'psafo_detailskey', displayName: { en: 'x' }, columns: ['psafo_details'] }],
    };
    const problems = problemsOf({ ...model, tables: [badTable, model.tables[1]] });
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^BAD_OPTION_VALUE column psafo_syncstatus\.psafo_state: option "Other" value 100000000/),
      expect.stringMatching(/^BAD_KEY .*"psafo_details" is multi-line text/),
    ]));
  });

  it('enforces Dataverse limits: text length, key size, web resource names', () => {
    const [status] = model.tables;
    const longText = { ...status, columns: status.columns.map((c) => (c.schemaName === 'psafo_recordid' && c.kind === 'text' ? { ...c, maxLength: 400 } : c)) };
    const wr = model.webResources[0];
    const problems = problemsOf({ ...model, tables: [longText, model.tables[1]], webResources: [{ ...wr, name: 'psafo_//scripts/form.js' }, { ...model.webResources[1], name: 'psafo_/scripts/ribbon.ts' }, ...model.webResources.slice(2)] });
    expect(problems).toEqual([
      expect.stringMatching(/^BAD_KEY alternate key psafo_syncstatus\.psafo_entityrecordkey: its text columns take 1000 bytes, more than the 900/),
      expect.stringMatching(/^BAD_NAME web resource "psafo_\/\/scripts\/form\.js": names may hold only/),
      expect.stringMatching(/^BAD_NAME web resource "psafo_\/scripts\/ribbon\.ts": a script web resource name should end with \.js/),
      expect.stringMatching(/^MISSING_WEB_RESOURCE ribbon: web resource "psafo_\/scripts\/ribbon\.js" is referenced but not declared/),
    ]);
    const tooLong = { ...status, columns: [...status.columns, { kind: 'text' as const, schemaName: 'psafo_big', displayName: { en: 'Big' }, description: { en: 'x' }, maxLength: 5000 }] };
    expect(problemsOf({ ...model, tables: [tooLong, model.tables[1]] })).toEqual([expect.stringContaining('column psafo_syncstatus.psafo_big: max length 5000 is outside 1..4000')]);
  });

  it('rejects a JSON environment variable default that is not JSON', () => {
    const envs = model.environmentVariables.map((e) => (e.type === 'JSON' ? { ...e, defaultValue: '{oops' } : e));
    expect(problemsOf({ ...model, environmentVariables: envs })).toEqual([expect.stringContaining('environment variable "psafo_FieldLockRules": default value is not valid JSON')]);
  });
});

describe('solutionVersion', () => {
  it('appends the build number, default 0', () => {
    expect(solutionVersion('1.2.3', undefined)).toBe('1.2.3.0');
    expect(solutionVersion('1.2.3', '')).toBe('1.2.3.0');
    expect(solutionVersion('1.2.3', '0042')).toBe('1.2.3.42');
  });

  it.each([['1.2', undefined], ['1.2.3-rc.1', undefined], ['1.2.3', '-1'], ['1.2.3', 'abc'], ['1.2.3', '2147483648']])('rejects %s with build %s', (v, b) => {
    expect(() => solutionVersion(v, b)).toThrow(/solution version: /);
  });

  it('always gives a major.minor.build.revision version (property)', () => {
    fc.assert(fc.property(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(2147483647), (a, b, c, n) => {
      const v = solutionVersion(`${a}.${b}.${c}`, String(n));
      return SOLUTION_VERSION_PATTERN.test(v) && v === `${a}.${b}.${c}.${n}`;
    }));
  });
});
