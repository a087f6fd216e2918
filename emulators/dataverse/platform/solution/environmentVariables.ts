/** Reads `environmentvariabledefinitions/<schemaname>/environmentvariabledefinition.xml` (+ optional values json). */
import { platformErrors } from '../errors';
import type { EnvironmentVariableDef } from './model';
import { attr, child, flag, int, label, parseXmlFile, text } from './xml';
import type { ZipFiles } from './zipFiles';

const FOLDER = 'environmentvariabledefinitions/';
const FILE = 'environmentvariabledefinition.xml';
const VALUES = 'environmentvariablevalues.json';

export async function readEnvironmentVariables(zip: ZipFiles): Promise<EnvironmentVariableDef[]> {
  const defs: EnvironmentVariableDef[] = [];
  const files = zip.paths().filter((p) => p.toLowerCase().startsWith(FOLDER) && p.toLowerCase().endsWith(`/${FILE}`));
  for (const path of files.sort()) {
    const doc = parseXmlFile(path, await zip.text(path));
    const d = child(doc, 'environmentvariabledefinition');
    const schemaName = attr(d, 'schemaname');
    if (!schemaName) throw platformErrors.unparsableXml(path, 'environmentvariabledefinition has no schemaname attribute');
    const def: EnvironmentVariableDef = {
      schemaName,
      displayName: label(child(d, 'displayname')),
      description: label(child(d, 'description')),
      type: int(text(d, 'type')) ?? 100000000,
      defaultValue: text(d, 'defaultvalue'),
      isRequired: flag(text(d, 'isrequired')),
      secretStore: int(text(d, 'secretstore')) ?? 0,
    };
    const valuesPath = `${path.slice(0, -FILE.length)}${VALUES}`;
    if (zip.has(valuesPath)) {
      try {
        const json = JSON.parse(await zip.text(valuesPath)) as { environmentvariablevalues?: { environmentvariablevalue?: Record<string, string> } };
        const v = json.environmentvariablevalues?.environmentvariablevalue;
        if (v && typeof v.value === 'string') def.value = { id: v['@environmentvariablevalueid'], value: v.value };
      } catch (cause) {
        throw platformErrors.unparsableXml(valuesPath, `not valid JSON (${(cause as Error).message})`);
      }
    }
    defs.push(def);
  }
  return defs;
}
