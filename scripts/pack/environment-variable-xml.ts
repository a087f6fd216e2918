import type { EnvironmentVariableDef, EnvironmentVariableType } from '../../solution/types';
import { bit, defaultLabel, fields, newDocument, serialize } from './xml';

const TYPE_CODE: Record<EnvironmentVariableType, number> = { String: 100000000, Number: 100000001, Boolean: 100000002, JSON: 100000003 };

export function environmentVariablePath(env: EnvironmentVariableDef): string {
  return `environmentvariabledefinitions/${env.schemaName}/environmentvariabledefinition.xml`;
}

/** environmentvariabledefinition.xml with the default value only (each environment sets its own value). */
export function environmentVariableXml(env: EnvironmentVariableDef): string {
  const d = newDocument().ele('environmentvariabledefinition', { schemaname: env.schemaName });
  if (env.defaultValue !== undefined) d.ele('defaultvalue').txt(env.defaultValue);
  defaultLabel(d, 'description', env.description);
  defaultLabel(d, 'displayname', env.displayName);
  fields(d, [
    ['introducedversion', '1.0.0.0'],
    ['iscustomizable', '1'],
    ['isrequired', bit(env.isRequired)],
    ['secretstore', '0'],
    ['type', TYPE_CODE[env.type]],
  ]);
  return serialize(d.doc());
}
