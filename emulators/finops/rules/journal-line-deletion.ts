import type { Row } from '../model/types';
import { infolog } from './context';

/**
 * Rule (templates-spec §13, integration journal): an unposted journal line may be deleted, and the next
 * "Import from staging table" inserts it again; a posted line cannot be deleted.
 */
export function journalLineDeletion(line: Row): string | undefined {
  if (line.Posted === 'Yes') {
    return infolog(`Journal line ${String(line.LineNum)} of journal ${String(line.JournalId)} is posted (voucher ${String(line.Voucher)}) and cannot be deleted.`);
  }
  return undefined;
}
