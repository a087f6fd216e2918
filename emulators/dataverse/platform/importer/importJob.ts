/**
 * The importjob `data` XML (solution-api.md "Tracking import success"): the solution manifest
 * with `<result result="success|failure" errorcode errortext>` plus one node per component.
 * Built with xmlbuilder2.
 */
import { create } from 'xmlbuilder2';
import type { ComponentResult } from './applyPackage';
import type { SolutionManifest } from '../solution/model';

export interface ImportJobReport {
  manifest?: SolutionManifest;
  startedOn: Date;
  completedOn: Date;
  components: ComponentResult[];
  error?: { code: string; message: string };
}

const SECTIONS: Record<string, { list: string; item: string }> = {
  entity: { list: 'entities', item: 'entity' },
  webresource: { list: 'webResources', item: 'webResource' },
  customcontrol: { list: 'customControls', item: 'customControl' },
  environmentvariabledefinition: { list: 'environmentVariableDefinitions', item: 'environmentVariableDefinition' },
  customapi: { list: 'customApis', item: 'customApi' },
};

function result(parent: ReturnType<typeof create>, at: Date, error?: { code: string; message: string }): void {
  parent.ele('result', {
    result: error ? 'failure' : 'success',
    errorcode: error ? error.code : '0',
    errortext: error ? error.message : '',
    datetime: at.toISOString(),
    datetimeticks: String(at.getTime() * 10000 + 621355968000000000),
  });
}

export function importJobXml(r: ImportJobReport): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele('importexportxml', {
    start: r.startedOn.toISOString(), stop: r.completedOn.toISOString(), progress: '100', processed: 'true',
  });
  const manifests = root.ele('solutionManifests');
  const m = manifests.ele('solutionManifest', {
    languagecode: '1033', id: r.manifest?.uniqueName ?? '', LocalizedName: r.manifest?.friendlyName ?? '', processed: 'true',
  });
  if (r.manifest) {
    m.ele('UniqueName').txt(r.manifest.uniqueName);
    m.ele('Version').txt(r.manifest.version);
    m.ele('Managed').txt(r.manifest.managed ? '1' : '0');
    m.ele('Publisher').ele('UniqueName').txt(r.manifest.publisher.uniqueName);
  }
  result(m, r.completedOn, r.error);
  for (const [kind, section] of Object.entries(SECTIONS)) {
    const list = root.ele(section.list);
    for (const c of r.components.filter((x) => x.kind === kind)) {
      const node = list.ele(section.item, { id: c.name, LocalizedName: c.name, OriginalName: c.name, processed: 'true' });
      result(node, r.completedOn);
    }
  }
  return doc.end({ prettyPrint: false });
}
