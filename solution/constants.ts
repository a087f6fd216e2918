/** Identity of the PSA solution (DESIGN §4). These names are contracts: change them only with a migration note. */
export const SOLUTION_UNIQUE_NAME = 'PsaFoSync';
export const SOLUTION_DISPLAY_NAME = 'PSA to Finance and Operations Sync';
export const SOLUTION_DESCRIPTION =
  'Sync status, run history, "Sync now" commands and settings for the Project Service Automation to Finance and Operations integration (psa-fo-sync).';

export const PUBLISHER_UNIQUE_NAME = 'psafosync';
export const PUBLISHER_DISPLAY_NAME = 'psa-fo-sync';
export const CUSTOMIZATION_PREFIX = 'psafo';
export const OPTION_VALUE_PREFIX = 10471;

/** Language codes we ship labels for. */
export const LCID_EN = 1033;
export const LCID_FR = 1036;

/** Zip names written to dist/. */
export const MANAGED_ZIP_NAME = `${SOLUTION_UNIQUE_NAME}_managed.zip`;
export const UNMANAGED_ZIP_NAME = `${SOLUTION_UNIQUE_NAME}.zip`;

/** The n-th option of a choice column: option value prefix followed by four digits (10471 → 104710000 + n). */
export function optionValue(index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > 9999) throw new RangeError(`option index ${index} is outside 0..9999`);
  return OPTION_VALUE_PREFIX * 10000 + index;
}
