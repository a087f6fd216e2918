import { optionValue } from '../constants';
import type { ChoiceColumn, TableDef } from '../types';
import { count, memo, text, timestamp } from './columns';

/** Values of psafo_syncrun.psafo_trigger. */
export const RUN_TRIGGER = {
  Schedule: optionValue(0),
  SyncNow: optionValue(1),
  Live: optionValue(2),
  Manual: optionValue(3),
} as const;

/** Values of psafo_syncrun.psafo_state. */
export const RUN_STATE = {
  Running: optionValue(0),
  Succeeded: optionValue(1),
  Warning: optionValue(2),
  Failed: optionValue(3),
} as const;

export const SYNC_RUN_TABLE = 'psafo_syncrun';
export const SYNC_RUN_ENTITY_SET = 'psafo_syncruns';
/** Alternate key on the bridge's run id. */
export const SYNC_RUN_KEY = 'psafo_runidkey';

const trigger: ChoiceColumn = {
  kind: 'choice',
  schemaName: 'psafo_trigger',
  displayName: { en: 'Trigger', fr: 'Déclencheur' },
  description: { en: 'What started the run.', fr: "Ce qui a lancé l'exécution." },
  options: [
    { value: RUN_TRIGGER.Schedule, label: { en: 'Schedule', fr: 'Planification' } },
    { value: RUN_TRIGGER.SyncNow, label: { en: 'Sync now', fr: 'Synchroniser maintenant' } },
    { value: RUN_TRIGGER.Live, label: { en: 'Live', fr: 'En direct' } },
    { value: RUN_TRIGGER.Manual, label: { en: 'Manual', fr: 'Manuel' } },
  ],
};

const state: ChoiceColumn = {
  kind: 'choice',
  schemaName: 'psafo_state',
  displayName: { en: 'State', fr: 'État' },
  description: { en: 'Outcome of the run.', fr: "Résultat de l'exécution." },
  defaultValue: RUN_STATE.Running,
  options: [
    { value: RUN_STATE.Running, label: { en: 'Running', fr: 'En cours' } },
    { value: RUN_STATE.Succeeded, label: { en: 'Succeeded', fr: 'Réussie' } },
    { value: RUN_STATE.Warning, label: { en: 'Warning', fr: 'Avertissement' } },
    { value: RUN_STATE.Failed, label: { en: 'Failed', fr: 'Échec' } },
  ],
};

export const syncRunTable: TableDef = {
  schemaName: SYNC_RUN_TABLE,
  entitySetName: SYNC_RUN_ENTITY_SET,
  displayName: { en: 'Sync Run', fr: 'Exécution de synchronisation' },
  pluralName: { en: 'Sync Runs', fr: 'Exécutions de synchronisation' },
  description: { en: 'One row per psa-fo-sync run, with its counts.', fr: 'Une ligne par exécution de psa-fo-sync, avec ses compteurs.' },
  primaryName: text('psafo_name', { en: 'Name', fr: 'Nom' }, { en: 'Run label (trigger and start time).', fr: "Libellé de l'exécution." }, 200, 'required'),
  columns: [
    text('psafo_runid', { en: 'Run Id', fr: "ID d'exécution" }, { en: 'Id of the run in the bridge.', fr: "ID de l'exécution dans le pont." }, 100, 'required'),
    trigger,
    timestamp('psafo_startedon', { en: 'Started On', fr: 'Début' }, { en: 'When the run started.', fr: "Début de l'exécution." }),
    timestamp('psafo_endedon', { en: 'Ended On', fr: 'Fin' }, { en: 'When the run ended.', fr: "Fin de l'exécution." }),
    state,
    count('psafo_upserts', { en: 'Upserts', fr: 'Écritures' }, { en: 'Records written.', fr: 'Enregistrements écrits.' }),
    count('psafo_skipped', { en: 'Skipped', fr: 'Ignorés' }, { en: 'Records skipped.', fr: 'Enregistrements ignorés.' }),
    count('psafo_errors', { en: 'Errors', fr: 'Erreurs' }, { en: 'Records in error.', fr: 'Enregistrements en erreur.' }),
    memo('psafo_summary', { en: 'Summary', fr: 'Résumé' }, { en: 'JSON: counts per template and task, first errors.', fr: 'JSON : compteurs par modèle et tâche, premières erreurs.' }, 1048576),
  ],
  alternateKeys: [
    { schemaName: SYNC_RUN_KEY, displayName: { en: 'Run Id', fr: "ID d'exécution" }, columns: ['psafo_runid'] },
  ],
};
