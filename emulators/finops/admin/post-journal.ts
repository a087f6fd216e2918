import type { EntityRegistry } from '../model/registry';
import { keyString } from '../model/values';
import type { FinOpsStore } from '../store/store';
import { postJournalLines } from '../rules/post-journal';
import { SEQUENCE } from '../constants';
import { readSequence, writeSequenceNext } from './sequence';

export interface PostSummary {
  dataAreaId: string;
  journalId: string;
  vouchers: Array<{ actualId: string; voucher: string }>;
}

/**
 * `POST /_emulator/post-journal {dataAreaId?, journalId?}`: posts unposted integration journals: a voucher
 * per line from the voucher number sequence (listed in ProjCDSIntegrationVouchers), `Voucher` and `ExternalReference` written back on the staging
 * actual. One transaction per journal.
 */
export function runPostJournal(store: FinOpsStore, registry: EntityRegistry, now: Date, opts: { dataAreaId?: string; journalId?: string } = {}): PostSummary[] {
  const journals = store
    .query('ProjCDSIntegrationJournals', {
      companies: opts.dataAreaId ? [opts.dataAreaId.toLowerCase()] : undefined,
      filter: { kind: 'cmp', op: 'eq', left: { kind: 'field', name: 'Posted' }, right: { kind: 'literal', literal: { kind: 'enum', enumType: 'NoYes', member: 'No' } } },
    })
    .map((r) => r.data)
    .filter((j) => !opts.journalId || String(j.JournalId).toLowerCase() === opts.journalId.toLowerCase());
  const lineEntity = registry.require('ProjCDSIntegrationJournalLines');
  const journalEntity = registry.require('ProjCDSIntegrationJournals');
  const actualsEntity = registry.require('ProjCDSActualsImports');
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return journals.map((journal) =>
    store.transaction((): PostSummary => {
      const company = String(journal.dataAreaId);
      const lines = store
        .query(lineEntity.set, {
          companies: [company],
          filter: { kind: 'cmp', op: 'eq', left: { kind: 'field', name: 'JournalId' }, right: { kind: 'literal', literal: { kind: 'string', value: String(journal.JournalId) } } },
        })
        .map((r) => r.data);
      const seq = readSequence(store, registry, company, SEQUENCE.voucher);
      const posted = postJournalLines(lines, seq.format, seq.next);
      writeSequenceNext(store, seq.key, posted.nextNumber);
      const voucherEntity = registry.require('ProjCDSIntegrationVouchers');
      for (const line of posted.lines) {
        store.update(lineEntity.set, keyString(lineEntity, line), line);
        const voucher = {
          dataAreaId: company, Voucher: line.Voucher, JournalId: line.JournalId, LineNum: line.LineNum, ActualId: line.ActualId, ProjectId: line.ProjectId,
          TransDate: line.TransDate, CurrencyCode: line.CurrencyCode, Amount: line.Amount, AmountMST: line.AmountMST, PostedDateTime: stamp,
        };
        store.insert(voucherEntity.set, keyString(voucherEntity, voucher), company, voucher);
      }
      for (const s of posted.staging) {
        const key = keyString(actualsEntity, { dataAreaId: company, ActualId: s.actualId });
        const row = store.get(actualsEntity.set, key);
        if (row) store.update(actualsEntity.set, key, { ...row.data, Voucher: s.voucher, ExternalReference: s.voucher });
      }
      store.update(journalEntity.set, keyString(journalEntity, journal), { ...journal, Posted: 'Yes', PostedDateTime: stamp });
      return { dataAreaId: company, journalId: String(journal.JournalId), vouchers: posted.staging };
    }),
  );
}
