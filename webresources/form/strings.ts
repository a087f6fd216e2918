import type { Lang } from '../shared/i18n';

export const FORM_STRINGS: Record<Lang, {
  locked: string; lockedGroup: string; rulesInvalid: string; statusUnreadable: string; lastSyncFailed: string;
}> = {
  en: {
    locked: 'Locked by the Finance and Operations integration: {groups}',
    lockedGroup: '{names} ({reason})',
    rulesInvalid: 'The field lock rules (environment variable {name}) are invalid: {problem}. The shipped default rules are used; ask your administrator to correct the value.',
    statusUnreadable: 'The sync status of this record could not be read ({problem}); fields that lock once synced are not locked.',
    lastSyncFailed: 'The last sync to Finance and Operations failed: {message}',
  },
  fr: {
    locked: 'Verrouillé par l’intégration Finance and Operations : {groups}',
    lockedGroup: '{names} ({reason})',
    rulesInvalid: 'Les règles de verrouillage des champs (variable d’environnement {name}) ne sont pas valides : {problem}. Les règles par défaut sont utilisées ; demandez à votre administrateur de corriger la valeur.',
    statusUnreadable: 'Le statut de synchronisation de cet enregistrement n’a pas pu être lu ({problem}) ; les champs verrouillés après synchronisation ne le sont pas.',
    lastSyncFailed: 'La dernière synchronisation vers Finance and Operations a échoué : {message}',
  },
};
