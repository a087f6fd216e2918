import type { CustomApiDef } from './types';

export const SYNC_NOW_API = 'psafo_SyncNow';
export const SYNC_NOW_PARAM_ENTITY = 'EntityLogicalName';
export const SYNC_NOW_PARAM_IDS = 'RecordIds';

/**
 * psafo_SyncNow: an unbound action without a plug-in. The bridge registers a synchronous
 * webhook step on it (`deploy`); a 2xx from the bridge means the request is durably queued and
 * the action succeeds, any other answer fails the action with the bridge's message.
 * It has no response properties on purpose: a webhook step cannot set output parameters,
 * so a response property would always come back empty.
 */
export const syncNowApi: CustomApiDef = {
  uniqueName: SYNC_NOW_API,
  displayName: { en: 'psa-fo-sync: Sync now', fr: 'psa-fo-sync : Synchroniser maintenant' },
  description: {
    en: 'Queues the given PSA records for an immediate sync to Finance and Operations.',
    fr: 'Met en file les enregistrements PSA donnés pour une synchronisation immédiate vers Finance and Operations.',
  },
  bindingType: 'Global',
  isFunction: false,
  allowedStepType: 'SyncAndAsync',
  requestParameters: [
    {
      uniqueName: SYNC_NOW_PARAM_ENTITY,
      type: 'String',
      displayName: { en: 'Entity logical name', fr: "Nom logique de l'entité" },
      description: { en: 'Logical name of the table, e.g. msdyn_project or salesorder.', fr: 'Nom logique de la table, p. ex. msdyn_project ou salesorder.' },
      isOptional: false,
    },
    {
      uniqueName: SYNC_NOW_PARAM_IDS,
      type: 'StringArray',
      displayName: { en: 'Record ids', fr: 'ID des enregistrements' },
      description: { en: 'Ids (GUIDs) of the records to sync.', fr: 'ID (GUID) des enregistrements à synchroniser.' },
      isOptional: false,
    },
  ],
  responseProperties: [],
};
