import type { SolutionModel } from '../../solution/types';
import { customTableEntity, extendedTableEntity } from './entity-xml';
import { systemRelationships } from './relationships-xml';
import { controlZipFolder, WEB_RESOURCE_TYPE, webResourceZipPath } from './webresource-files';
import { fields, newDocument, serialize, XSI_NS } from './xml';

/**
 * customizations.xml: top-level sections in the order of CustomizationsSolution.xsd, empty
 * sections written as exports do (solution-format §1.4).
 */
export function customizationsXml(model: SolutionModel): string {
  const root = newDocument().ele('ImportExportXml', { 'xmlns:xsi': XSI_NS });
  const entities = root.ele('Entities');
  for (const t of model.tables) customTableEntity(entities, t);
  for (const t of model.extendedTables) extendedTableEntity(entities, t, model.ribbon);
  root.ele('Roles');
  root.ele('Workflows');
  root.ele('FieldSecurityProfiles');
  root.ele('Templates');
  root.ele('EntityMaps');
  systemRelationships(root.ele('EntityRelationships'), model.tables);
  root.ele('OrganizationSettings');
  root.ele('optionsets');

  const wrs = root.ele('WebResources');
  for (const wr of model.webResources) {
    fields(wrs.ele('WebResource'), [
      ['WebResourceId', `{${wr.id.toLowerCase()}}`],
      ['Name', wr.name],
      ['DisplayName', wr.displayName],
      ['Description', wr.description],
      ['WebResourceType', WEB_RESOURCE_TYPE[wr.kind]],
      ['IntroducedVersion', '1.0.0.0'],
      ['IsEnabledForMobileClient', '0'],
      ['IsAvailableForMobileOffline', '0'],
      ['IsCustomizable', '1'],
      ['CanBeDeleted', '1'],
      ['IsHidden', '0'],
      ['FileName', `/${webResourceZipPath(wr)}`],
    ]);
  }
  const controls = root.ele('CustomControls');
  for (const c of model.controls) {
    fields(controls.ele('CustomControl'), [['Name', c.name], ['FileName', `/${controlZipFolder(c)}/ControlManifest.xml`]]);
  }
  root.ele('SolutionPluginAssemblies');
  root.ele('EntityDataProviders');
  root.ele('Languages').ele('Language').txt('1033');
  return serialize(root.doc());
}
