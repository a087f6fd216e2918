import type { Lang } from '../shared/i18n';

export interface ConsoleStrings {
  title: string; refresh: string; loading: string; runsTitle: string; noRuns: string; chartLabel: string; legendUpserts: string; legendErrors: string;
  colStarted: string; colTrigger: string; colState: string; colUpserts: string; colSkipped: string; colErrors: string; colDuration: string; colActions: string;
  showErrors: string; showAllErrors: string; retryRun: string; errorsTitle: string; errorsOfRun: string; allTables: string; filterTable: string; filterText: string;
  shown: string; noErrors: string; colTable: string; colRecord: string; colMessage: string; colRun: string; colAttempt: string; retry: string; retryShown: string;
  retrying: string; retried: string; retryFailed: string; noXrm: string; readProblem: string;
}

export const CONSOLE_STRINGS: Record<Lang, ConsoleStrings> = {
  en: {
    title: 'PSA to Finance and Operations Sync', refresh: 'Refresh', loading: 'Loading…',
    runsTitle: 'Run history', noRuns: 'No runs recorded yet.', chartLabel: 'Upserts and errors of the last {count} runs, oldest first',
    legendUpserts: 'Upserts', legendErrors: 'Errors',
    colStarted: 'Started', colTrigger: 'Trigger', colState: 'State', colUpserts: 'Upserts', colSkipped: 'Skipped', colErrors: 'Errors', colDuration: 'Duration', colActions: 'Actions',
    showErrors: 'Show errors', showAllErrors: 'Show errors of all runs', retryRun: 'Retry failed records',
    errorsTitle: 'Records in error', errorsOfRun: 'Records in error of run {run}', allTables: 'All tables', filterTable: 'Table', filterText: 'Search',
    shown: '{shown} of {total} records', noErrors: 'No records in error.',
    colTable: 'Table', colRecord: 'Record', colMessage: 'Message', colRun: 'Run', colAttempt: 'Last attempt', retry: 'Retry', retryShown: 'Retry shown records',
    retrying: 'Queuing {count} record(s) for sync…', retried: '{count} record(s) queued for sync.', retryFailed: 'Retry failed: {message}',
    noXrm: 'This page needs the Dataverse client API (Xrm.WebApi). Open it from the PSA to Finance and Operations Sync app or the solution’s configuration page.',
    readProblem: 'The sync data could not be read: {message}',
  },
  fr: {
    title: 'PSA to Finance and Operations Sync', refresh: 'Actualiser', loading: 'Chargement…',
    runsTitle: 'Historique des exécutions', noRuns: 'Aucune exécution enregistrée.', chartLabel: 'Écritures et erreurs des {count} dernières exécutions, de la plus ancienne à la plus récente',
    legendUpserts: 'Écritures', legendErrors: 'Erreurs',
    colStarted: 'Début', colTrigger: 'Déclencheur', colState: 'État', colUpserts: 'Écritures', colSkipped: 'Ignorés', colErrors: 'Erreurs', colDuration: 'Durée', colActions: 'Actions',
    showErrors: 'Voir les erreurs', showAllErrors: 'Voir les erreurs de toutes les exécutions', retryRun: 'Relancer les enregistrements en échec',
    errorsTitle: 'Enregistrements en erreur', errorsOfRun: 'Enregistrements en erreur de l’exécution {run}', allTables: 'Toutes les tables', filterTable: 'Table', filterText: 'Rechercher',
    shown: '{shown} sur {total} enregistrements', noErrors: 'Aucun enregistrement en erreur.',
    colTable: 'Table', colRecord: 'Enregistrement', colMessage: 'Message', colRun: 'Exécution', colAttempt: 'Dernière tentative', retry: 'Relancer', retryShown: 'Relancer les enregistrements affichés',
    retrying: 'Mise en file de {count} enregistrement(s)…', retried: '{count} enregistrement(s) en file pour synchronisation.', retryFailed: 'La relance a échoué : {message}',
    noXrm: 'Cette page a besoin de l’API client Dataverse (Xrm.WebApi). Ouvrez-la depuis l’application PSA to Finance and Operations Sync ou la page de configuration de la solution.',
    readProblem: 'Les données de synchronisation n’ont pas pu être lues : {message}',
  },
};
