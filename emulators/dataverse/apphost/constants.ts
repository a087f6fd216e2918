/** Names the app host uses once: paths, the session cookie, the solution it hosts. */
export const APP_PATH = '/main.aspx';
export const ASSET_PREFIX = '/_apphost';
export const SESSION_COOKIE = 'psafo_apphost_session';
/** The solution whose forms, ribbon and control this host shows (409 when it was never imported). */
export const HOSTED_SOLUTION = 'PsaFoSync';
export const PAGE_TYPES = { record: 'entityrecord', list: 'entitylist', webResource: 'webresource' } as const;
/** RibbonDiffXml locations (solution-format.md §3.2). */
export const formLocation = (table: string): string => `Mscrm.Form.${table}.MainTab.Save.Controls._children`;
export const gridLocation = (table: string): string => `Mscrm.HomepageGrid.${table}.MainTab.Management.Controls._children`;
export const WEB_RESOURCE_DIRECTIVE = '$webresource:';
export const LOC_LABEL_DIRECTIVE = '$LocLabels:';
/** Web resource names of a PCF control's files, as ImportSolution stores them. */
export const controlFile = (control: string, path: string): string => `cc_${control}/${path}`;
export const USER_LCID = 1033;
