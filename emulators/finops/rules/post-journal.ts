import type { Row } from '../model/types';

/** Formats a number-sequence value: each run of `#` in the format is the zero-padded number. */
export function formatSequence(format: string, n: number): string {
  return format.replace(/#+/, (hashes) => String(n).padStart(hashes.length, '0'));
}

/**
 * Posting the integration journal (templates-spec §6.7, §6.8): every unposted line gets a voucher
 * from the voucher number sequence (one per line); the staging actual is updated with `Voucher` and
 * `ExternalReference` (= the voucher, which the update template maps to msdyn_externalreferenceid).
 */
export function postJournalLines(lines: Row[], format: string, nextNumber: number): { lines: Row[]; staging: Array<{ actualId: string; voucher: string }>; nextNumber: number } {
  let n = nextNumber;
  const posted: Row[] = [];
  const staging: Array<{ actualId: string; voucher: string }> = [];
  for (const line of lines) {
    if (line.Posted === 'Yes') continue;
    const voucher = formatSequence(format, n++);
    posted.push({ ...line, Voucher: voucher, Posted: 'Yes' });
    staging.push({ actualId: String(line.ActualId), voucher });
  }
  return { lines: posted, staging, nextNumber: n };
}
