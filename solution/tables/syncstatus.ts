import { optionValue } from '../constants';
import type { ChoiceColumn, TableDef } from '../types';
import { memo, text, timestamp } from './columns';

/** Values of psafo_syncstatus.psafo_state (option value prefix 10471). */
export const SYNC_STATE = {
  Queued: optionValue(0),
  Synced: optionValue(1),
  Error: optionValue(2),
  Skipped: optionValue(3),
} as const;

export const SYNC_STATUS_TABLE = 'psafo_syncstatus';
export const SYNC_STATUS_ENTITY_SET = 'psafo_syncstatuses';
/** Alternate key: one row per (entity logical name, record id). */
export const SYNC_STATUS_KEY = 'psafo_entityrecordkey';

const state: ChoiceColumn = {
  kind: 'choice',
  schemaName: 'psafo_state',
  displayName: { en: 'State', fr: 'État' },
  description: { en: 'Sync state of the record.', fr: "État de synchronisation de l'enregistrement." },
  requiredLevel: 'none',
  defaultValue: SYNC_STATE.Queued,
  options: [
    { value: SYNC_STATE.Queued, label: { en: 'Queued', fr: 'En file' } },
    { value: SYNC_STATE.Synced, label: { en: 'Synced', fr: 'Synchronisé' } },
    { value: SYNC_STATE.Error, label: { en: 'Error', fr: 'Erreur' } },
    { value: SYNC_STATE.Skipped, label: { en: 'Skipped', fr: 'Ignoré' } },
  ],
};

export const syncStatusTable: TableDef = {
  schemaName: SYNC_STATUS_TABLE,
  entitySetName: SYNC_STATUS_ENTITY_SET,
  displayName: { en: 'Sync Status', fr: 'État de synchronisation' },
  pluralName: { en: 'Sync Statuses', fr: 'États de synchronisation' },
  description: {
    en: 'One row per PSA record synchronized with Finance and Operations, written by psa-fo-sync.',
    fr: 'Une ligne par enregistrement PSA synchronisé avec Finance and Operations, écrite par psa-fo-sync.',
  },
  primaryName: text('psafo_name', { en: 'Name', fr: 'Nom' }, { en: 'Entity and record the row is about.', fr: "Entité et enregistrement concernés." }, 200, 'required'),
  columns: [
    text('psafo_entitylogicalname', { en: 'Entity Logical Name', fr: "Nom logique de l'entité" }, { en: 'Logical name of the synced table, e.g. msdyn_project.', fr: 'Nom logique de la table synchronisée, p. ex. msdyn_project.' }, 100, 'required'),
    text('psafo_recordid', { en: 'Record Id', fr: "ID de l'enregistrement" }, { en: 'Id (GUID) of the synced record.', fr: "ID (GUID) de l'enregistrement synchronisé." }, 100, 'required'),
    state,
    timestamp('psafo_lastsyncedon', { en: 'Last Synced On', fr: 'Dernière synchronisation' }, { en: 'When the record was last written to Finance and Operations successfully.', fr: "Dernière écriture réussie dans Finance and Operations." }),
    timestamp('psafo_lastattempton', { en: 'Last Attempt On', fr: 'Dernière tentative' }, { en: 'When the last sync attempt ran.', fr: 'Date de la dernière tentative.' }),
    text('psafo_finopskey', { en: 'F&O Key', fr: 'Clé F&O' }, { en: 'Business key of the record in Finance and Operations.', fr: "Clé métier de l'enregistrement dans Finance and Operations." }, 200),
    text('psafo_legalentity', { en: 'Legal Entity', fr: 'Entité juridique' }, { en: 'F&O legal entity (dataAreaId) the record was routed to.', fr: "Entité juridique F&O (dataAreaId) de l'enregistrement." }, 10),
    text('psafo_message', { en: 'Message', fr: 'Message' }, { en: 'Last error or warning, readable by users.', fr: 'Dernière erreur ou avertissement.' }, 4000),
    memo('psafo_details', { en: 'Details', fr: 'Détails' }, { en: 'JSON: counts of child records, locked fields, F&O locking.', fr: 'JSON : nombre de lignes enfants, champs verrouillés, verrouillage F&O.' }, 1048576),
    text('psafo_runid', { en: 'Run Id', fr: "ID d'exécution" }, { en: 'Run that last touched the record (psafo_syncrun.psafo_runid).', fr: "Exécution qui a traité l'enregistrement en dernier." }, 100),
  ],
  alternateKeys: [
    { schemaName: SYNC_STATUS_KEY, displayName: { en: 'Entity and Record', fr: 'Entité et enregistrement' }, columns: ['psafo_entitylogicalname', 'psafo_recordid'] },
  ],
};
