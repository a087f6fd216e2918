import type { Row } from '../model/types';
import { isBlank } from '../model/values';
import { findExchangeRate } from './exchange-rate';

/** PSA transaction classification option values (templates-spec §8). */
export const CLASSIFICATION = { time: 192350000, expense: 192350001, material: 192350002, milestone: 192350003, fee: 192350004, tax: 690970002 } as const;

export interface ImportInput {
  company: string;
  journalId: string;
  accountingCurrency: string;
  /** Staging actuals of the company whose IsJournalized is No. */
  actuals: Row[];
  params: Row | undefined;
  rates: Row[];
  /** F&O category id of the project category whose IntegrationId is the PSA category GUID. */
  categoryFor(integrationId: string): string | undefined;
  /** Line property of the "Billing type defaults" row for a billing type. */
  linePropertyFor(billingType: string): string | undefined;
}

export interface ImportResult {
  lines: Row[];
  journalized: string[];
  errors: Array<{ actualId: string; message: string }>;
}

function categoryOf(input: ImportInput, actual: Row): { category?: string; error?: string } {
  const cls = Number(actual.TransactionClassification);
  if (cls === CLASSIFICATION.time) {
    return isBlank(input.params?.TimeCategory) ? { error: 'Time category is not set in Project Service Automation integration parameters.' } : { category: String(input.params?.TimeCategory) };
  }
  if (cls === CLASSIFICATION.fee) {
    return isBlank(input.params?.FeeCategory) ? { error: 'Fee category is not set in Project Service Automation integration parameters.' } : { category: String(input.params?.FeeCategory) };
  }
  if (cls === CLASSIFICATION.expense) {
    const id = String(actual.TransactionCategory ?? '');
    const category = isBlank(id) ? undefined : input.categoryFor(id);
    return category ? { category } : { error: `No project category is linked to the transaction category '${id}' (IntegrationId).` };
  }
  return { error: `Transaction classification ${cls} is not imported by the Project Service Automation integration journal (time, expense and fee only).` };
}

/**
 * "Import from staging table" (templates-spec §6.7): one journal line per actual not yet journalized
 * (cost and sales actuals are separate lines); category from the parameters (time, fee) or the linked
 * project category (expense); line property from the billing type defaults; amount in accounting
 * currency with F&O's exchange rate. An actual that cannot be imported (missing exchange rate or
 * category) is skipped with a logged error and stays unjournalized for the next run.
 */
export function importFromStaging(input: ImportInput): ImportResult {
  const result: ImportResult = { lines: [], journalized: [], errors: [] };
  for (const actual of input.actuals) {
    const actualId = String(actual.ActualId);
    const { category, error } = categoryOf(input, actual);
    if (error) {
      result.errors.push({ actualId, message: `Actual ${actualId} was not imported: ${error}` });
      continue;
    }
    const currency = String(actual.TransactionCurrencyId || input.accountingCurrency).toUpperCase();
    const date = [actual.ExchangeRateDate, actual.AccountingDate, actual.DocumentDate].find((d) => !isBlank(d)) as string | undefined;
    const onDate = date ?? new Date().toISOString();
    const rate = findExchangeRate(input.rates, currency, input.accountingCurrency, onDate);
    if (rate === undefined) {
      result.errors.push({
        actualId,
        message: `Actual ${actualId} was not imported: no exchange rate from ${currency} to ${input.accountingCurrency} on ${onDate.slice(0, 10)}.`,
      });
      continue;
    }
    const amount = Number(actual.Amount ?? 0);
    result.lines.push({
      dataAreaId: input.company,
      JournalId: input.journalId,
      LineNum: result.lines.length + 1,
      ActualId: actualId,
      ProjectId: actual.ProjectId,
      ProjectDataAreaId: isBlank(actual.ProjectDataAreaId) ? input.company : String(actual.ProjectDataAreaId).toLowerCase(),
      TransType: actual.TransType,
      CategoryId: category,
      LineProperty: input.linePropertyFor(String(actual.BillingType)) ?? '',
      TransDate: date ?? onDate,
      Quantity: Number(actual.Quantity ?? 0),
      CurrencyCode: currency,
      Amount: amount,
      ExchangeRate: rate,
      AmountMST: Math.round(amount * rate * 100) / 100,
      Voucher: '',
      Posted: 'No',
    });
    result.journalized.push(actualId);
  }
  return result;
}
