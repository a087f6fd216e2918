import { XMLParser } from 'fast-xml-parser';
import { contentTypesXml } from '../../scripts/pack/content-types-xml';
import { customApiFiles } from '../../scripts/pack/custom-api-xml';
import { customizationsXml } from '../../scripts/pack/customizations-xml';
import { environmentVariableXml } from '../../scripts/pack/environment-variable-xml';
import { solutionXml } from '../../scripts/pack/solution-xml';
import { controlVersionFor, withControlVersion } from '../../scripts/pack/control-manifest';
import { webResourceZipPath } from '../../scripts/pack/webresource-files';
import { createSolutionModel } from '../../solution/model';

const model = createSolutionModel('2.3.4.5');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

describe('XML serialization of the model', () => {
  it('writes one Default per extension and one Override per extension-less part', () => {
    const xml = parser.parse(contentTypesXml(['solution.xml', 'Controls/x/bundle.js', 'Controls/x/css/a.css', 'WebResources/psafo_scriptsformjsABC', 'x/y.JS']));
    expect(xml.Types['@xmlns']).toBe('http://schemas.openxmlformats.org/package/2006/content-types');
    expect(xml.Types.Default.map((d: Record<string, string>) => d['@Extension'])).toEqual(['css', 'js', 'xml']);
    expect(xml.Types.Override).toEqual({ '@PartName': '/WebResources/psafo_scriptsformjsABC', '@ContentType': 'application/octet-stream' });
  });

  it('flags managed and unmanaged solution.xml and lists root components', () => {
    const managed = parser.parse(solutionXml(model, true)).ImportExportXml.SolutionManifest;
    const unmanaged = parser.parse(solutionXml(model, false)).ImportExportXml.SolutionManifest;
    expect([managed.Managed, unmanaged.Managed]).toEqual(['1', '0']);
    expect(managed.Version).toBe('2.3.4.5');
    const types = managed.RootComponents.RootComponent.map((r: Record<string, string>) => `${r['@type']}:${r['@schemaName']}:${r['@behavior']}`);
    expect(types).toEqual(expect.arrayContaining(['1:psafo_syncstatus:0', '1:psafo_syncrun:0', '1:msdyn_project:2', '1:salesorder:2', '61:psafo_/scripts/ribbon.js:0', '66:psafo_PsaFoSync.SyncStatus:0', '380:psafo_BridgeUrl:0']));
    expect(types.some((t: string) => t.includes('SyncNow'))).toBe(false);
  });

  it('escapes text through the XML library (F&O, quotes, JSON)', () => {
    const xml = customizationsXml(model);
    expect(xml).toContain('F&amp;O Key');
    const env = parser.parse(environmentVariableXml(model.environmentVariables[1])).environmentvariabledefinition;
    expect(JSON.parse(env.defaultvalue)).toEqual(JSON.parse(model.environmentVariables[1].defaultValue as string));
    expect(env.type).toBe('100000003');
    expect(env.displayname.label.map((l: Record<string, string>) => l['@languagecode'])).toEqual(['1033', '1036']);
  });

  it('writes the custom API with its two request parameters and no isoptional on responses', () => {
    const files = customApiFiles(model.customApis[0]);
    expect([...files.keys()]).toEqual([
      'customapis/psafo_SyncNow/customapi.xml',
      'customapis/psafo_SyncNow/customapirequestparameters/EntityLogicalName/customapirequestparameter.xml',
      'customapis/psafo_SyncNow/customapirequestparameters/RecordIds/customapirequestparameter.xml',
    ]);
    const api = parser.parse(files.get('customapis/psafo_SyncNow/customapi.xml') as string).customapi;
    expect(api).toMatchObject({ bindingtype: '0', isfunction: '0', allowedcustomprocessingsteptype: '2', iscustomizable: '1' });
    const ids = parser.parse(files.get('customapis/psafo_SyncNow/customapirequestparameters/RecordIds/customapirequestparameter.xml') as string).customapirequestparameter;
    expect(ids).toMatchObject({ name: 'psafo_SyncNow.RecordIds', type: '11', isoptional: '0' });
  });

  it('is deterministic and uses the export file-name convention for web resources', () => {
    expect(customizationsXml(model)).toBe(customizationsXml(createSolutionModel('2.3.4.5')));
    expect(webResourceZipPath(model.webResources[1])).toBe('WebResources/psafo_scriptsribbonjs990063D0-0EA3-41EB-968C-6F15F874A8BA');
  });

  it('packs the control with the solution version x.y.z so Dataverse picks up a new bundle', () => {
    expect(controlVersionFor('2.3.4.5')).toBe('2.3.4');
    const built = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<manifest><control namespace="PsaFoSync" constructor="SyncStatus" version="0.0.1" display-name-key="k"><resources><code path="bundle.js" order="1"/></resources></control></manifest>';
    const control = parser.parse(withControlVersion(built, '2.3.4', 'psafo_PsaFoSync.SyncStatus')).manifest.control;
    expect(control).toMatchObject({ '@version': '2.3.4', '@namespace': 'PsaFoSync', '@constructor': 'SyncStatus', resources: { code: { '@path': 'bundle.js' } } });
    expect(() => withControlVersion('<other/>', '1.0.0', 'psafo_X.Y')).toThrow(/PCF control psafo_X\.Y: the built ControlManifest\.xml has no <manifest><control>/);
  });
});
