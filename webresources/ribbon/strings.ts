import type { Lang } from '../shared/i18n';

export interface RibbonStrings {
  readonly progress: string;
  readonly successTitle: string;
  readonly success: string;
  readonly failed: string;
  readonly dirtyTitle: string;
  readonly dirtyText: string;
  readonly dirtyConfirm: string;
  readonly saveFailed: string;
  readonly notSaved: string;
  readonly noSelection: string;
  readonly tooMany: string;
}

export const RIBBON_STRINGS: Record<Lang, RibbonStrings> = {
  en: {
    progress: 'Sending {count} record(s) to the sync queue…',
    successTitle: 'Sync now',
    success: '{count} record(s) queued for sync to Finance and Operations. The sync status updates when the bridge has processed them.',
    failed: 'Sync now failed: {message}',
    dirtyTitle: 'Unsaved changes',
    dirtyText: 'This record has unsaved changes. Save it and sync it now? Only saved data is sent to Finance and Operations.',
    dirtyConfirm: 'Save and sync',
    saveFailed: 'The record could not be saved, so it was not synced: {message}',
    notSaved: 'Save the record before syncing it.',
    noSelection: 'Select at least one record to sync.',
    tooMany: 'Select at most {max} records to sync at once ({count} selected).',
  },
  fr: {
    progress: 'Envoi de {count} enregistrement(s) dans la file de synchronisation…',
    successTitle: 'Synchroniser maintenant',
    success: '{count} enregistrement(s) en file pour la synchronisation vers Finance and Operations. Le statut se met à jour quand le pont les a traités.',
    failed: 'La synchronisation a échoué : {message}',
    dirtyTitle: 'Modifications non enregistrées',
    dirtyText: 'Cet enregistrement contient des modifications non enregistrées. L’enregistrer et le synchroniser maintenant ? Seules les données enregistrées sont envoyées à Finance and Operations.',
    dirtyConfirm: 'Enregistrer et synchroniser',
    saveFailed: 'L’enregistrement n’a pas pu être enregistré et n’a donc pas été synchronisé : {message}',
    notSaved: 'Enregistrez l’enregistrement avant de le synchroniser.',
    noSelection: 'Sélectionnez au moins un enregistrement à synchroniser.',
    tooMany: 'Sélectionnez au plus {max} enregistrements à la fois ({count} sélectionnés).',
  },
};
