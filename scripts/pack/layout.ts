import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SolutionModel } from '../../solution/types';
import { BuildError } from '../errors';
import { contentTypesXml } from './content-types-xml';
import { controlVersionFor, withControlVersion } from './control-manifest';
import { customApiFiles } from './custom-api-xml';
import { customizationsXml } from './customizations-xml';
import { environmentVariablePath, environmentVariableXml } from './environment-variable-xml';
import { solutionXml } from './solution-xml';
import { controlZipFolder, webResourceZipPath } from './webresource-files';

export interface BuiltArtifacts {
  /** Web resource name → built file. */
  readonly webResources: ReadonlyMap<string, string>;
  /** Control name → pcf-scripts output folder of the control. */
  readonly controls: ReadonlyMap<string, string>;
}

/** Everything that goes into one zip: entry name → bytes. Pure apart from reading the built files. */
export function solutionFiles(model: SolutionModel, built: BuiltArtifacts, managed: boolean): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const put = (name: string, data: string | Buffer): void => {
    if (files.has(name)) throw new BuildError('DUPLICATE_ZIP_ENTRY', `zip entry ${name} would be written twice.`);
    files.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  };
  put('solution.xml', solutionXml(model, managed));
  put('customizations.xml', customizationsXml(model));
  for (const env of model.environmentVariables) put(environmentVariablePath(env), environmentVariableXml(env));
  for (const api of model.customApis) for (const [name, xml] of customApiFiles(api)) put(name, xml);
  for (const wr of model.webResources) {
    const file = built.webResources.get(wr.name);
    if (!file) throw new BuildError('WEB_RESOURCE_OUTPUT_MISSING', `web resource "${wr.name}": no built file.`);
    put(webResourceZipPath(wr), readFileSync(file));
  }
  for (const control of model.controls) {
    const folder = built.controls.get(control.name);
    if (!folder) throw new BuildError('PCF_OUTPUT_MISSING', `PCF control ${control.name}: no build output.`);
    for (const file of listFiles(folder)) {
      const entry = relative(folder, file).split(sep).join('/');
      const data = entry === 'ControlManifest.xml'
        ? withControlVersion(readFileSync(file, 'utf8'), controlVersionFor(model.version), control.name)
        : readFileSync(file);
      put(`${controlZipFolder(control)}/${entry}`, data);
    }
  }
  put('[Content_Types].xml', contentTypesXml([...files.keys()]));
  return files;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile() && !entry.name.endsWith('.map')) out.push(full);
  }
  return out.sort();
}
