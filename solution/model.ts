import {
  CUSTOMIZATION_PREFIX, OPTION_VALUE_PREFIX, PUBLISHER_DISPLAY_NAME, PUBLISHER_UNIQUE_NAME,
  SOLUTION_DESCRIPTION, SOLUTION_DISPLAY_NAME, SOLUTION_UNIQUE_NAME,
} from './constants';
import { syncStatusControl } from './control';
import { syncNowApi } from './custom-api';
import { environmentVariables } from './environment-variables';
import { ribbon, SYNC_NOW_ENTITIES } from './ribbon';
import { syncRunTable } from './tables/syncrun';
import { syncStatusTable } from './tables/syncstatus';
import type { SolutionModel } from './types';
import { webResources } from './webresources';

const OOB_DISPLAY_NAMES: Record<(typeof SYNC_NOW_ENTITIES)[number], string> = {
  msdyn_project: 'Project',
  salesorder: 'Order',
};

/** The PsaFoSync solution. `version` is major.minor.build.revision (see version.ts). */
export function createSolutionModel(version: string): SolutionModel {
  return {
    uniqueName: SOLUTION_UNIQUE_NAME,
    displayName: { en: SOLUTION_DISPLAY_NAME, fr: 'Synchronisation PSA vers Finance and Operations' },
    description: { en: SOLUTION_DESCRIPTION },
    version,
    publisher: {
      uniqueName: PUBLISHER_UNIQUE_NAME,
      displayName: PUBLISHER_DISPLAY_NAME,
      description: 'Publisher of the psa-fo-sync solution.',
      prefix: CUSTOMIZATION_PREFIX,
      optionValuePrefix: OPTION_VALUE_PREFIX,
    },
    tables: [syncStatusTable, syncRunTable],
    extendedTables: SYNC_NOW_ENTITIES.map((schemaName) => ({ schemaName, displayName: OOB_DISPLAY_NAMES[schemaName] })),
    environmentVariables,
    customApis: [syncNowApi],
    webResources,
    controls: [syncStatusControl],
    ribbon,
  };
}
