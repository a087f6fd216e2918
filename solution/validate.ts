import { ModelError, ModelValidationError } from './errors';
import type { SolutionModel } from './types';
import { SOLUTION_VERSION_PATTERN } from './version';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Limits Dataverse enforces on import (schema names, text columns, key index size). */
const MAX_SCHEMA_NAME = 50;
const MAX_TEXT_LENGTH = 4000;
const MAX_MEMO_LENGTH = 1048576;
const MAX_KEY_BYTES = 900;
/** Letters, digits, underscore, period; folders with single forward slashes (web-resources.md). */
const WEB_RESOURCE_NAME = /^[A-Za-z0-9_.]+(\/[A-Za-z0-9_.]+)*$/;
const EXTENSIONS: Record<string, readonly string[]> = {
  html: ['.htm', '.html'], css: ['.css'], script: ['.js'], xml: ['.xml'], png: ['.png'], jpg: ['.jpg', '.jpeg'],
  gif: ['.gif'], ico: ['.ico'], svg: ['.svg'], resx: ['.resx'],
};

/**
 * Checks the model before anything is built: names carry the publisher prefix, no schema name is
 * used twice, option values use the option value prefix, the version is major.minor.build.revision.
 * Pure: file existence is checked by the build (scripts/validate-sources.ts). Throws ModelValidationError.
 */
export function validateModel(model: SolutionModel): void {
  const problems: ModelError[] = [];
  const prefix = `${model.publisher.prefix}_`;
  const seen = new Map<string, string>();
  const claim = (kind: string, name: string): void => {
    const key = name.toLowerCase();
    const previous = seen.get(key);
    if (previous) problems.push(new ModelError('DUPLICATE_SCHEMA_NAME', `${kind} "${name}": duplicate schema name (already used by ${previous}); rename one of them.`));
    else seen.set(key, `${kind} "${name}"`);
  };
  const needPrefix = (kind: string, name: string): void => {
    if (!name.toLowerCase().startsWith(prefix)) problems.push(new ModelError('MISSING_PREFIX', `${kind}: name "${name}" must start with the publisher prefix "${prefix}".`));
  };

  if (!SOLUTION_VERSION_PATTERN.test(model.version) || model.version.split('.').some((n) => Number(n) > 2147483647)) {
    problems.push(new ModelError('BAD_VERSION', `solution "${model.uniqueName}": version "${model.version}" is not major.minor.build.revision (four whole numbers).`));
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(model.uniqueName)) {
    problems.push(new ModelError('BAD_NAME', `solution "${model.uniqueName}": unique name may hold only letters, digits and underscores.`));
  }
  const optionBase = model.publisher.optionValuePrefix * 10000;

  for (const table of model.tables) {
    needPrefix(`table "${table.schemaName}"`, table.schemaName);
    claim('table', table.schemaName);
    if (table.schemaName.length > MAX_SCHEMA_NAME) problems.push(new ModelError('NAME_TOO_LONG', `table "${table.schemaName}": schema name is longer than ${MAX_SCHEMA_NAME} characters.`));
    const columns = new Map<string, string>();
    const textLength = new Map<string, number>();
    for (const column of [table.primaryName, ...table.columns]) {
      const kind = `column ${table.schemaName}.${column.schemaName}`;
      needPrefix(kind, column.schemaName);
      if (column.schemaName.length > MAX_SCHEMA_NAME) problems.push(new ModelError('NAME_TOO_LONG', `${kind}: schema name is longer than ${MAX_SCHEMA_NAME} characters.`));
      if (column.kind === 'text') {
        textLength.set(column.schemaName.toLowerCase(), column.maxLength);
        if (!Number.isInteger(column.maxLength) || column.maxLength < 1 || column.maxLength > MAX_TEXT_LENGTH) problems.push(new ModelError('BAD_LENGTH', `${kind}: max length ${column.maxLength} is outside 1..${MAX_TEXT_LENGTH} for single-line text.`));
      }
      if (column.kind === 'memo' && (!Number.isInteger(column.maxLength) || column.maxLength < 1 || column.maxLength > MAX_MEMO_LENGTH)) {
        problems.push(new ModelError('BAD_LENGTH', `${kind}: max length ${column.maxLength} is outside 1..${MAX_MEMO_LENGTH} for multi-line text.`));
      }
      if (columns.has(column.schemaName.toLowerCase())) problems.push(new ModelError('DUPLICATE_SCHEMA_NAME', `${kind}: duplicate schema name in table ${table.schemaName}; rename one of them.`));
      columns.set(column.schemaName.toLowerCase(), column.kind);
      if (column.kind === 'choice') {
        const values = new Set<number>();
        for (const option of column.options) {
          if (option.value < optionBase || option.value > optionBase + 9999) problems.push(new ModelError('BAD_OPTION_VALUE', `${kind}: option "${option.label.en}" value ${option.value} does not start with the option value prefix ${model.publisher.optionValuePrefix}.`));
          if (values.has(option.value)) problems.push(new ModelError('DUPLICATE_OPTION_VALUE', `${kind}: option value ${option.value} is used twice.`));
          values.add(option.value);
        }
      }
    }
    for (const key of table.alternateKeys) {
      needPrefix(`alternate key ${table.schemaName}.${key.schemaName}`, key.schemaName);
      claim('alternate key', key.schemaName);
      for (const col of key.columns) {
        const kind = columns.get(col.toLowerCase());
        if (!kind) problems.push(new ModelError('BAD_KEY', `alternate key ${table.schemaName}.${key.schemaName}: column "${col}" does not exist in the table.`));
        else if (kind === 'memo') problems.push(new ModelError('BAD_KEY', `alternate key ${table.schemaName}.${key.schemaName}: column "${col}" is multi-line text, which a key cannot use.`));
      }
      const bytes = key.columns.reduce((sum, col) => sum + (textLength.get(col.toLowerCase()) ?? 0) * 2, 0);
      if (bytes > MAX_KEY_BYTES) problems.push(new ModelError('BAD_KEY', `alternate key ${table.schemaName}.${key.schemaName}: its text columns take ${bytes} bytes, more than the ${MAX_KEY_BYTES} a key index allows; shorten them.`));
    }
  }
  for (const env of model.environmentVariables) {
    needPrefix(`environment variable "${env.schemaName}"`, env.schemaName);
    claim('environment variable', env.schemaName);
    if (env.type === 'JSON' && env.defaultValue !== undefined) {
      try { JSON.parse(env.defaultValue); } catch { problems.push(new ModelError('BAD_DEFAULT', `environment variable "${env.schemaName}": default value is not valid JSON.`)); }
    }
    if (env.type === 'Number' && env.defaultValue !== undefined && !Number.isFinite(Number(env.defaultValue))) {
      problems.push(new ModelError('BAD_DEFAULT', `environment variable "${env.schemaName}": default value "${env.defaultValue}" is not a number.`));
    }
  }
  for (const api of model.customApis) {
    needPrefix(`custom API "${api.uniqueName}"`, api.uniqueName);
    claim('custom API', api.uniqueName);
    const params = new Set<string>();
    for (const p of [...api.requestParameters, ...api.responseProperties]) {
      if (params.has(p.uniqueName)) problems.push(new ModelError('DUPLICATE_SCHEMA_NAME', `custom API "${api.uniqueName}": parameter "${p.uniqueName}" is declared twice.`));
      params.add(p.uniqueName);
    }
  }
  for (const wr of model.webResources) {
    needPrefix(`web resource "${wr.name}"`, wr.name);
    claim('web resource', wr.name);
    if (!GUID.test(wr.id)) problems.push(new ModelError('BAD_ID', `web resource "${wr.name}": id "${wr.id}" is not a GUID.`));
    if (!WEB_RESOURCE_NAME.test(wr.name)) problems.push(new ModelError('BAD_NAME', `web resource "${wr.name}": names may hold only letters, digits, underscores, periods and single forward slashes.`));
    else if (!EXTENSIONS[wr.kind].some((ext) => wr.name.toLowerCase().endsWith(ext))) {
      problems.push(new ModelError('BAD_NAME', `web resource "${wr.name}": a ${wr.kind} web resource name should end with ${EXTENSIONS[wr.kind].join(' or ')}.`));
    }
  }
  for (const control of model.controls) {
    needPrefix(`PCF control "${control.name}"`, control.name);
    claim('PCF control', control.name);
    if (control.name !== `${model.publisher.prefix}_${control.namespace}.${control.constructorName}`) {
      problems.push(new ModelError('BAD_NAME', `PCF control "${control.name}": name must be ${model.publisher.prefix}_<namespace>.<constructor> (${model.publisher.prefix}_${control.namespace}.${control.constructorName}).`));
    }
  }
  const webResourceNames = new Set(model.webResources.map((w) => w.name));
  for (const lib of [model.ribbon.library, model.ribbon.image]) {
    if (!webResourceNames.has(lib)) problems.push(new ModelError('MISSING_WEB_RESOURCE', `ribbon: web resource "${lib}" is referenced but not declared in solution/webresources.ts.`));
  }
  if (problems.length > 0) throw new ModelValidationError(problems);
}
