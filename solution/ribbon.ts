import { RIBBON_LIBRARY, SYNC_NOW_IMAGE } from './webresources';
import type { RibbonDef } from './types';

/** Tables that get "Sync now" on their main form and home grid. */
export const SYNC_NOW_ENTITIES = ['msdyn_project', 'salesorder'] as const;

/** Most records one grid click may queue (one Custom API call). */
export const MAX_GRID_SELECTION = 250;

export const ribbon: RibbonDef = {
  library: RIBBON_LIBRARY,
  image: SYNC_NOW_IMAGE,
  formFunction: 'PsaFoSync.Ribbon.syncNowForm',
  gridFunction: 'PsaFoSync.Ribbon.syncNowGrid',
  isSavedFunction: 'PsaFoSync.Ribbon.isSavedRecord',
  maxGridSelection: MAX_GRID_SELECTION,
  label: { en: 'Sync now', fr: 'Synchroniser maintenant' },
  tooltip: {
    en: 'Send this record to Finance and Operations now instead of waiting for the next scheduled run.',
    fr: 'Envoyer maintenant vers Finance and Operations sans attendre la prochaine exécution planifiée.',
  },
  buttons: SYNC_NOW_ENTITIES.flatMap((entity) => [
    { entity, place: 'form' as const, sequence: 75 },
    { entity, place: 'grid' as const, sequence: 75 },
  ]),
};
