import { DEFAULT_FIELD_LOCK_RULES } from './field-lock-rules';
import type { EnvironmentVariableDef } from './types';

export const ENV_BRIDGE_URL = 'psafo_BridgeUrl';
export const ENV_FIELD_LOCK_RULES = 'psafo_FieldLockRules';
export const ENV_STATUS_REFRESH_SECONDS = 'psafo_StatusRefreshSeconds';
export const DEFAULT_STATUS_REFRESH_SECONDS = 10;

export const environmentVariables: readonly EnvironmentVariableDef[] = [
  {
    schemaName: ENV_BRIDGE_URL,
    type: 'String',
    displayName: { en: 'psa-fo-sync bridge URL', fr: 'URL du pont psa-fo-sync' },
    description: {
      en: 'Base URL of the psa-fo-sync bridge (https://host:port). Set it at import or with `psa-fo-sync deploy`.',
      fr: "URL de base du pont psa-fo-sync (https://hôte:port). À définir à l'import ou avec `psa-fo-sync deploy`.",
    },
    isRequired: true,
  },
  {
    schemaName: ENV_FIELD_LOCK_RULES,
    type: 'JSON',
    displayName: { en: 'psa-fo-sync field lock rules', fr: 'Règles de verrouillage des champs psa-fo-sync' },
    description: {
      en: 'JSON rules telling the form script which columns to lock once a record exists in Finance and Operations.',
      fr: "Règles JSON indiquant au script de formulaire quelles colonnes verrouiller une fois l'enregistrement dans Finance and Operations.",
    },
    defaultValue: JSON.stringify(DEFAULT_FIELD_LOCK_RULES),
    isRequired: false,
  },
  {
    schemaName: ENV_STATUS_REFRESH_SECONDS,
    type: 'Number',
    displayName: { en: 'psa-fo-sync status refresh (seconds)', fr: "Actualisation de l'état psa-fo-sync (secondes)" },
    description: {
      en: 'How often the SyncStatus control re-reads the status row while a sync is queued.',
      fr: "Fréquence à laquelle le contrôle SyncStatus relit l'état pendant une synchronisation en file.",
    },
    defaultValue: String(DEFAULT_STATUS_REFRESH_SECONDS),
    isRequired: false,
  },
];
