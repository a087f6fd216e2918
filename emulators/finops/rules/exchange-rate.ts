import type { Row } from '../model/types';
import { isBlank } from '../model/values';

/**
 * Rule: the exchange rate from a transaction currency to the accounting currency on a date: the
 * `ExchangeRates` row with the latest StartDate on or before the date (and EndDate blank or after it);
 * the inverse row is used when only that exists. Rates are per 1 unit. Undefined when none applies.
 */
export function findExchangeRate(rates: Row[], from: string, to: string, onDate: string): number | undefined {
  if (from.toUpperCase() === to.toUpperCase()) return 1;
  const pick = (a: string, b: string) =>
    rates
      .filter((r) => String(r.FromCurrency).toUpperCase() === a && String(r.ToCurrency).toUpperCase() === b)
      .filter((r) => String(r.StartDate) <= onDate && (isBlank(r.EndDate) || String(r.EndDate) >= onDate))
      .sort((x, y) => String(y.StartDate).localeCompare(String(x.StartDate)))[0];
  const direct = pick(from.toUpperCase(), to.toUpperCase());
  if (direct && Number(direct.Rate) > 0) return Number(direct.Rate);
  const inverse = pick(to.toUpperCase(), from.toUpperCase());
  if (inverse && Number(inverse.Rate) > 0) return 1 / Number(inverse.Rate);
  return undefined;
}
