import type { EntityRegistry } from '../model/registry';
import type { Row } from '../model/types';
import { keyString } from '../model/values';
import type { FinOpsStore } from '../store/store';
import { importFromStaging } from '../rules/import-staging';
import { SEQUENCE } from '../constants';
import { takeNumber } from './sequence';

export interface ImportSummary {
  dataAreaId: string;
  journalId?: string;
  lines: number;
  skipped: number;
  errors: Array<{ actualId: string; message: string }>;
}

const ERROR_SEQ = 'seq:ImportErrorId';

/**
 * `POST /_emulator/import-staging {dataAreaId?}`: runs "Import from staging table" for one company (or
 * every legal entity): a new integration journal with one line per actual not yet journalized; skipped
 * actuals are logged to ProjCDSIntegrationImportErrors. One transaction per company.
 */
export function runImportStaging(store: FinOpsStore, registry: EntityRegistry, now: Date, dataAreaId?: string): ImportSummary[] {
  const companies = dataAreaId
    ? [dataAreaId.toLowerCase()]
    : store.query('LegalEntities', {}).map((r) => String(r.data.LegalEntityId).toLowerCase());
  const rates = store.query('ExchangeRates', {}).map((r) => r.data);
  return companies.map((company) =>
    store.transaction((): ImportSummary => {
      const legal = store.get('LegalEntities', keyString(registry.require('LegalEntities'), { LegalEntityId: company }));
      if (!legal) throw new Error(`Company '${company}' does not exist.`);
      const actuals = store
        .query('ProjCDSActualsImports', {
          companies: [company],
          filter: { kind: 'cmp', op: 'eq', left: { kind: 'field', name: 'IsJournalized' }, right: { kind: 'literal', literal: { kind: 'enum', enumType: 'NoYes', member: 'No' } } },
        })
        .map((r) => r.data);
      if (actuals.length === 0) return { dataAreaId: company, lines: 0, skipped: 0, errors: [] };
      const params = store.get('ProjCDSIntegrationParameters', company)?.data;
      const categories = store.query('ProjCDSCategories', { companies: [company] }).map((r) => r.data);
      const billingDefaults = store.query('ProjCDSBillingTypeDefaults', { companies: [company] }).map((r) => r.data);
      const journalId = takeNumber(store, registry, company, SEQUENCE.journal);
      const result = importFromStaging({
        company,
        journalId,
        accountingCurrency: String(legal.data.AccountingCurrency || 'USD'),
        actuals,
        params,
        rates,
        categoryFor: (id) => categories.find((c) => String(c.IntegrationId).toLowerCase() === id.toLowerCase())?.CategoryId as string | undefined,
        linePropertyFor: (bt) => billingDefaults.find((b) => b.BillingType === bt)?.LineProperty as string | undefined,
      });
      const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const lineEntity = registry.require('ProjCDSIntegrationJournalLines');
      for (const line of result.lines) store.insert(lineEntity.set, keyString(lineEntity, line), company, line);
      if (result.lines.length > 0) {
        const journal: Row = { dataAreaId: company, JournalId: journalId, Description: 'Import from staging table', NumOfLines: result.lines.length, Posted: 'No', CreatedDateTime: stamp, PostedDateTime: '1900-01-01T12:00:00Z' };
        store.insert('ProjCDSIntegrationJournals', keyString(registry.require('ProjCDSIntegrationJournals'), journal), company, journal);
      }
      const actualsEntity = registry.require('ProjCDSActualsImports');
      for (const id of result.journalized) {
        const key = keyString(actualsEntity, { dataAreaId: company, ActualId: id });
        const row = store.get(actualsEntity.set, key);
        if (row) store.update(actualsEntity.set, key, { ...row.data, IsJournalized: 'Yes' });
      }
      const errEntity = registry.require('ProjCDSIntegrationImportErrors');
      for (const e of result.errors) {
        const next = store.nextSequence(ERROR_SEQ);
        const row: Row = { dataAreaId: company, ErrorId: next, ActualId: e.actualId, Message: e.message, CreatedDateTime: stamp };
        store.insert(errEntity.set, keyString(errEntity, row), company, row);
      }
      return { dataAreaId: company, journalId: result.lines.length > 0 ? journalId : undefined, lines: result.lines.length, skipped: result.errors.length, errors: result.errors };
    }),
  );
}
