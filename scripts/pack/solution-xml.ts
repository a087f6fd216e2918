import type { SolutionModel } from '../../solution/types';
import { labelList, newDocument, serialize, XSI_NS } from './xml';

/** Root component types (solutioncomponent.componenttype). */
export const COMPONENT_TYPE = { Entity: 1, WebResource: 61, CustomControl: 66, EnvironmentVariableDefinition: 380 } as const;
/** RootComponent behavior: 0 include subcomponents, 2 shell only. */
const INCLUDE_SUBCOMPONENTS = '0';
const SHELL_ONLY = '2';

/** solution.xml: identity, managed flag, publisher and root components (solution-format §1.3). */
export function solutionXml(model: SolutionModel, managed: boolean): string {
  const root = newDocument().ele('ImportExportXml', {
    version: '9.2.0.0',
    SolutionPackageVersion: '9.2',
    languagecode: '1033',
    generatedBy: 'CrmLive',
    'xmlns:xsi': XSI_NS,
  });
  const m = root.ele('SolutionManifest');
  m.ele('UniqueName').txt(model.uniqueName);
  labelList(m, 'LocalizedNames', 'LocalizedName', model.displayName);
  labelList(m, 'Descriptions', 'Description', model.description);
  m.ele('Version').txt(model.version);
  m.ele('Managed').txt(managed ? '1' : '0');

  const p = m.ele('Publisher');
  p.ele('UniqueName').txt(model.publisher.uniqueName);
  labelList(p, 'LocalizedNames', 'LocalizedName', { en: model.publisher.displayName });
  labelList(p, 'Descriptions', 'Description', { en: model.publisher.description });
  p.ele('EMailAddress', { 'xsi:nil': 'true' });
  p.ele('SupportingWebsiteUrl', { 'xsi:nil': 'true' });
  p.ele('CustomizationPrefix').txt(model.publisher.prefix);
  p.ele('CustomizationOptionValuePrefix').txt(String(model.publisher.optionValuePrefix));
  const addresses = p.ele('Addresses');
  for (const n of ['1', '2']) {
    const a = addresses.ele('Address');
    a.ele('AddressNumber').txt(n);
    a.ele('AddressTypeCode').txt('1');
    a.ele('ShippingMethodCode').txt('1');
  }

  const rc = m.ele('RootComponents');
  const add = (type: number, schemaName: string, behavior: string): void => {
    rc.ele('RootComponent', { type: String(type), schemaName, behavior });
  };
  for (const t of model.tables) add(COMPONENT_TYPE.Entity, t.schemaName, INCLUDE_SUBCOMPONENTS);
  for (const t of model.extendedTables) add(COMPONENT_TYPE.Entity, t.schemaName, SHELL_ONLY);
  for (const w of model.webResources) add(COMPONENT_TYPE.WebResource, w.name, INCLUDE_SUBCOMPONENTS);
  for (const c of model.controls) add(COMPONENT_TYPE.CustomControl, c.name, INCLUDE_SUBCOMPONENTS);
  for (const e of model.environmentVariables) add(COMPONENT_TYPE.EnvironmentVariableDefinition, e.schemaName, INCLUDE_SUBCOMPONENTS);
  // Custom APIs have no fixed component type: the customapis/ folder alone carries them (solution-format §1.3).
  m.ele('MissingDependencies');
  return serialize(root.doc());
}
