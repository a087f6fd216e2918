import type { EntityDef } from './types';
import { DATA_AREA_ID, date, dec, enm, guid, int64, str } from './fields';

/**
 * Emulator-only views (read-only; unposted journal lines may be deleted) of the "Project Service Automation integration journal" that
 * Import from staging table fills and posting closes (templates-spec §6.7). Microsoft publishes no
 * public entity for them; they exist so tests and the landing page can see the journal.
 */
export const JOURNALS: EntityDef = {
  set: 'ProjCDSIntegrationJournals', type: 'ProjCDSIntegrationJournal', label: 'Integration journal', keys: ['dataAreaId', 'JournalId'],
  companySpecific: true, writable: 'read', emulatorOnly: true,
  fields: [DATA_AREA_ID, str('JournalId', 20), str('Description', 60), int64('NumOfLines'), enm('Posted', 'NoYes'), date('CreatedDateTime'), date('PostedDateTime')],
};

export const JOURNAL_LINES: EntityDef = {
  set: 'ProjCDSIntegrationJournalLines', type: 'ProjCDSIntegrationJournalLine', label: 'Integration journal line',
  keys: ['dataAreaId', 'JournalId', 'LineNum'], companySpecific: true, writable: 'delete', emulatorOnly: true,
  fields: [
    DATA_AREA_ID, str('JournalId', 20), int64('LineNum'), guid('ActualId'), str('ProjectId', 20), str('ProjectDataAreaId', 4),
    enm('TransType', 'ProjCdsTransType'), str('CategoryId', 10), str('LineProperty', 10), date('TransDate'), dec('Quantity'),
    str('CurrencyCode', 3), dec('Amount'), dec('ExchangeRate'), dec('AmountMST'), str('Voucher', 20), enm('Posted', 'NoYes'),
  ],
};

export const VOUCHERS: EntityDef = {
  set: 'ProjCDSIntegrationVouchers', type: 'ProjCDSIntegrationVoucher', label: 'Integration journal vouchers', keys: ['dataAreaId', 'Voucher'],
  companySpecific: true, writable: 'read', emulatorOnly: true,
  fields: [DATA_AREA_ID, str('Voucher', 20), str('JournalId', 20), int64('LineNum'), guid('ActualId'), str('ProjectId', 20), date('TransDate'), str('CurrencyCode', 3), dec('Amount'), dec('AmountMST'), date('PostedDateTime')],
};

export const IMPORT_ERRORS: EntityDef = {
  set: 'ProjCDSIntegrationImportErrors', type: 'ProjCDSIntegrationImportError', label: 'Import from staging table log',
  keys: ['dataAreaId', 'ErrorId'], companySpecific: true, writable: 'read', emulatorOnly: true,
  fields: [DATA_AREA_ID, int64('ErrorId'), guid('ActualId'), str('Message', 1000), date('CreatedDateTime')],
};

export const JOURNAL_ENTITIES: EntityDef[] = [JOURNALS, JOURNAL_LINES, VOUCHERS, IMPORT_ERRORS];
