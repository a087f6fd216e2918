import { parseFilter, FilterSyntaxError } from '../../emulators/finops/odata/filter-parser';
import { findExchangeRate } from '../../emulators/finops/rules/exchange-rate';
import { importFromStaging, CLASSIFICATION } from '../../emulators/finops/rules/import-staging';
import { lockingViolation } from '../../emulators/finops/rules/functionality-locking';
import { postJournalLines, formatSequence } from '../../emulators/finops/rules/post-journal';
import { projectUpdateForContractLine } from '../../emulators/finops/rules/contract-line-billing';
import { checkStringLengths } from '../../emulators/finops/rules/string-lengths';
import { PROJECTS } from '../../emulators/finops/model/entities-integration';
import type { RuleContext } from '../../emulators/finops/rules/context';
import type { Row } from '../../emulators/finops/model/types';

/** The F&O emulator's pure rule functions, without HTTP or storage. */
const rates: Row[] = [
  { FromCurrency: 'EUR', ToCurrency: 'USD', StartDate: '2026-01-01T00:00:00Z', EndDate: '2026-06-30T00:00:00Z', Rate: 1.1 },
  { FromCurrency: 'EUR', ToCurrency: 'USD', StartDate: '2026-07-01T00:00:00Z', EndDate: '1900-01-01T12:00:00Z', Rate: 1.2 },
  { FromCurrency: 'USD', ToCurrency: 'CAD', StartDate: '2026-01-01T00:00:00Z', EndDate: '', Rate: 1.25 },
];

describe('F&O emulator rules', () => {
  it('parses the $filter subset and reports the position of syntax errors', () => {
    expect(parseFilter("A eq 'x' and (B gt 2 or not C eq Microsoft.Dynamics.DataEntities.NoYes'Yes')")).toEqual({
      kind: 'and',
      left: { kind: 'cmp', op: 'eq', left: { kind: 'field', name: 'A' }, right: { kind: 'literal', literal: { kind: 'string', value: 'x' } } },
      right: {
        kind: 'or',
        left: { kind: 'cmp', op: 'gt', left: { kind: 'field', name: 'B' }, right: { kind: 'literal', literal: { kind: 'number', value: 2 } } },
        right: { kind: 'not', expr: { kind: 'cmp', op: 'eq', left: { kind: 'field', name: 'C' }, right: { kind: 'literal', literal: { kind: 'enum', enumType: 'NoYes', member: 'Yes' } } } },
      },
    });
    expect(parseFilter("Name eq 'O''Brien'")).toMatchObject({ right: { literal: { value: "O'Brien" } } });
    expect(parseFilter('D ge 2026-01-01T00:00:00Z')).toMatchObject({ right: { literal: { kind: 'datetime', value: '2026-01-01T00:00:00Z' } } });
    const err = (() => {
      try {
        parseFilter("A eq 'x' or");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FilterSyntaxError);
    expect((err as FilterSyntaxError).position).toBe(11);
    expect(() => parseFilter("contains(A,'x')")).toThrow(FilterSyntaxError);
    expect(() => parseFilter('A add 1 eq 2')).toThrow(/not supported/);
  });

  it('finds the exchange rate valid on a date, the inverse rate, or none', () => {
    expect(findExchangeRate(rates, 'EUR', 'USD', '2026-03-01T00:00:00Z')).toBe(1.1);
    expect(findExchangeRate(rates, 'eur', 'usd', '2026-08-01T00:00:00Z')).toBe(1.2);
    expect(findExchangeRate(rates, 'CAD', 'USD', '2026-03-01T00:00:00Z')).toBeCloseTo(0.8);
    expect(findExchangeRate(rates, 'EUR', 'USD', '2025-12-31T00:00:00Z')).toBeUndefined();
    expect(findExchangeRate(rates, 'GBP', 'USD', '2026-03-01T00:00:00Z')).toBeUndefined();
    expect(findExchangeRate([], 'USD', 'USD', '2026-03-01T00:00:00Z')).toBe(1);
  });

  it('imports one journal line per actual and logs the ones it skips', () => {
    const base = { ProjectId: 'P', TransType: 'Cost', BillingType: 'Chargeable', TransactionCurrencyId: 'USD', AccountingDate: '2026-03-02T00:00:00Z', Quantity: 1 };
    const result = importFromStaging({
      company: 'usmf',
      journalId: 'J1',
      accountingCurrency: 'USD',
      params: { TimeCategory: 'Hours', FeeCategory: 'Fee' },
      rates,
      actuals: [
        { ...base, ActualId: 't', TransactionClassification: CLASSIFICATION.time, Amount: 100 },
        { ...base, ActualId: 'e', TransactionClassification: CLASSIFICATION.expense, TransactionCategory: 'CAT', TransactionCurrencyId: 'EUR', Amount: 10 },
        { ...base, ActualId: 'f', TransactionClassification: CLASSIFICATION.fee, Amount: 5, BillingType: 'Complimentary' },
        { ...base, ActualId: 'm', TransactionClassification: CLASSIFICATION.milestone, Amount: 5 },
        { ...base, ActualId: 'g', TransactionClassification: CLASSIFICATION.time, TransactionCurrencyId: 'GBP', Amount: 5 },
      ],
      categoryFor: (id) => (id.toLowerCase() === 'cat' ? 'Travel' : undefined),
      linePropertyFor: (bt) => ({ Chargeable: 'Charge' } as Record<string, string>)[bt],
    });
    expect(result.lines.map((l) => [l.ActualId, l.LineNum, l.CategoryId, l.LineProperty, l.AmountMST])).toEqual([
      ['t', 1, 'Hours', 'Charge', 100],
      ['e', 2, 'Travel', 'Charge', 11],
      ['f', 3, 'Fee', '', 5],
    ]);
    expect(result.journalized).toEqual(['t', 'e', 'f']);
    expect(result.errors.map((e) => e.actualId)).toEqual(['m', 'g']);
    expect(result.errors[1].message).toMatch(/no exchange rate from GBP to USD on 2026-03-02/);
  });

  it('posts each unposted line with the next voucher', () => {
    expect(formatSequence('USMF-PV-######', 42)).toBe('USMF-PV-000042');
    const posted = postJournalLines([{ ActualId: 'a', Posted: 'No' }, { ActualId: 'b', Posted: 'Yes' }, { ActualId: 'c', Posted: 'No' }], 'V-###', 7);
    expect(posted.staging).toEqual([{ actualId: 'a', voucher: 'V-007' }, { actualId: 'c', voucher: 'V-008' }]);
    expect(posted.nextNumber).toBe(9);
  });

  it('locks PSA-originated projects for other applications, except accounting fields', () => {
    const params = { LockProjectEdit: 'Yes', IntegrationSource: 'Project Service Automation' };
    const project = { ProjectID: 'P', SourceDataID: 'Project Service Automation' };
    const other = { clientId: 'x', isIntegration: false };
    expect(lockingViolation('ProjCDSProjects', project, ['ProjectName'], params, other)).toMatch(/originates from Project Service Automation/);
    expect(lockingViolation('ProjCDSProjects', project, ['DefaultDimensionDisplayValue'], params, other)).toBeUndefined();
    expect(lockingViolation('ProjCDSProjects', project, ['ProjectName'], params, { clientId: 'psafo-sandbox', isIntegration: true })).toBeUndefined();
    expect(lockingViolation('ProjCDSProjects', { ...project, SourceDataID: '' }, ['ProjectName'], params, other)).toBeUndefined();
    expect(lockingViolation('ProjCDSProjects', project, ['ProjectName'], { ...params, LockProjectEdit: 'No' }, other)).toBeUndefined();
    expect(lockingViolation('ProjCDSProjects', project, undefined, params, other)).toMatch(/cannot be changed/);
  });

  it("changes a project's type and group when a contract line's billing method differs", () => {
    const ctx: RuleContext = {
      get: (set, key) => (set === 'ProjCDSProjectGroupDefaults' && key.ProjectType === 'FixedPrice' ? { ProjectGroup: 'FP' } : undefined),
      exists: () => false,
      find: () => undefined,
      parameters: () => undefined,
    };
    expect(projectUpdateForContractLine(ctx, { Type: 'FixedPrice' }, { dataAreaId: 'usmf', ProjectType: 'TimeMaterial' })).toEqual({ ProjectType: 'FixedPrice', ProjectGroup: 'FP' });
    expect(projectUpdateForContractLine(ctx, { Type: 'TimeMaterial' }, { dataAreaId: 'usmf', ProjectType: 'FixedPrice' })).toEqual({ ProjectType: 'TimeMaterial' });
    expect(projectUpdateForContractLine(ctx, { Type: 'FixedPrice' }, { ProjectType: 'FixedPrice' })).toBeUndefined();
  });

  it('checks string lengths against the F&O field sizes', () => {
    expect(checkStringLengths(PROJECTS, { ProjectID: 'P'.repeat(20), ProjectName: 'n' })).toBeUndefined();
    expect(checkStringLengths(PROJECTS, { ProjectID: 'P'.repeat(21) })).toMatch(/field 'Project ID' is too long: 21 characters, the maximum is 20/);
  });
});
