/**
 * Registers a solution package's components in the store, as ImportSolution does: publisher,
 * solution, web resources, custom controls (manifest + files as `cc_<control>/…` web resources),
 * tables (registered with the core so they work through the Web API at once), entity ribbons,
 * environment variables, Custom APIs (+ their SDK message), solution components. Runs inside one
 * store transaction (the caller's); throws a DataverseError to refuse the package.
 */
import type { TableDefinition } from '../../extensibility';
import { ComponentType, CustomApiFieldType } from '../constants';
import { platformErrors } from '../errors';
import { isoNow, nameGuid, normalizeGuid, type RowWriter } from '../rows';
import { compareVersions } from '../solution/manifest';
import type { SolutionPackage } from '../solution/model';
import { toTableDefinition } from '../tables';
import { ensureEntityMessages, ensureMessageFilter, ensureSdkMessage } from '../webhooks/messages';

export interface ImportDeps {
  rows: RowWriter;
  registerTable(def: TableDefinition): void;
  hasTable(logicalName: string): boolean;
  /** Makes `POST /api/data/v9.2/<uniqueName>` answer (the Custom API runtime). */
  activateCustomApi(uniqueName: string): void;
  now(): Date;
}

export interface ComponentResult { kind: string; name: string; id: string }
export interface ImportOutcome {
  solutionId: string;
  upgrade: boolean;
  components: ComponentResult[];
  /** Table registration and Custom API activation: run once the rows are committed. */
  afterCommit: Array<() => void>;
}

const FILE_TYPES: Record<string, number> = { html: 1, htm: 1, css: 2, js: 3, xml: 4, png: 5, jpg: 6, jpeg: 6, gif: 7, xap: 8, xsl: 9, xslt: 9, ico: 10, svg: 11, resx: 12 };

function webResourceTypeOf(path: string): number {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return FILE_TYPES[ext] ?? 4;
}

function checkVersion(pkg: SolutionPackage, rows: RowWriter): boolean {
  const { uniqueName, version, managed } = pkg.manifest;
  const installed = rows.one('solution', { uniquename: uniqueName });
  if (!installed) return false;
  const data = installed.data;
  if (Boolean(data.ismanaged) !== managed) throw platformErrors.managedOverUnmanaged(uniqueName, managed);
  const cmp = compareVersions(version, String(data.version ?? '0'));
  if (managed && cmp === 0) throw platformErrors.alreadyInstalled(uniqueName, version);
  if (managed && cmp < 0) throw platformErrors.olderVersion(uniqueName, version, String(data.version));
  return true;
}

/** `ComponentParameters` of ImportSolution(Async): env var values (`@odata.type` …environmentvariablevalue) set at import. */
export type ComponentParameter = Record<string, unknown>;

const ENV_VALUE_TYPE = 'Microsoft.Dynamics.CRM.environmentvariablevalue';

function environmentValues(parameters: ComponentParameter[] | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const p of parameters ?? []) {
    if (p['@odata.type'] !== ENV_VALUE_TYPE) continue;
    if (typeof p.schemaname !== 'string' || typeof p.value !== 'string') {
      throw platformErrors.invalidArgument('A ComponentParameters environmentvariablevalue needs string "schemaname" and "value".');
    }
    values.set(p.schemaname, p.value);
  }
  return values;
}

export function applyPackage(pkg: SolutionPackage, deps: ImportDeps, componentParameters?: ComponentParameter[]): ImportOutcome {
  const { rows } = deps;
  const { manifest } = pkg;
  const managed = manifest.managed;
  const upgrade = checkVersion(pkg, rows);
  const envValues = environmentValues(componentParameters);
  const components: ComponentResult[] = [];
  const afterCommit: Array<() => void> = [];
  const add = (kind: string, name: string, id: string) => { components.push({ kind, name, id }); return id; };

  const publisherId = rows.upsert('publisher', { uniquename: manifest.publisher.uniqueName }, {
    friendlyname: manifest.publisher.friendlyName,
    customizationprefix: manifest.publisher.customizationPrefix,
    customizationoptionvalueprefix: manifest.publisher.customizationOptionValuePrefix ?? null,
  });
  const solutionId = rows.upsert('solution', { uniquename: manifest.uniqueName }, {
    friendlyname: manifest.friendlyName, version: manifest.version, ismanaged: managed, publisherid: publisherId,
    installedon: isoNow(deps.now()), isvisible: true,
  });
  const component = (type: number, objectId: string, schemaName: string) => rows.upsert('solutioncomponent',
    { solutionid: solutionId, componenttype: type, objectid: objectId },
    { schemaname: schemaName, rootcomponentbehavior: manifest.rootComponents.find((r) => r.schemaName === schemaName)?.behavior ?? 0, ismetadata: type === ComponentType.Entity });

  for (const w of pkg.webResources) {
    const id = rows.upsert('webresource', { name: w.name }, {
      displayname: w.displayName ?? w.name, description: w.description ?? null, content: w.contentBase64,
      webresourcetype: w.webResourceType, languagecode: w.languageCode ?? null, ismanaged: managed,
    }, normalizeGuid(w.id));
    component(ComponentType.WebResource, add('webresource', w.name, id), w.name);
  }

  for (const c of pkg.customControls) {
    const controlId = rows.upsert('customcontrol', { name: c.name }, { manifest: c.manifestXml, version: c.version ?? null, ismanaged: managed });
    for (const f of c.files) {
      const name = `cc_${c.name}/${f.path}`;
      const wrId = rows.upsert('webresource', { name }, { displayname: name, content: f.contentBase64, webresourcetype: webResourceTypeOf(f.path), ismanaged: managed });
      rows.upsert('customcontrolresource', { customcontrolid: controlId, webresourceid: wrId }, { name, version: c.version ?? null, ismanaged: managed });
    }
    component(ComponentType.CustomControl, add('customcontrol', c.name, controlId), c.name);
  }

  const newTables: string[] = [];
  for (const t of pkg.tables.filter((x) => x.hasDefinition)) {
    const def = toTableDefinition(t, (n) => deps.hasTable(n) || pkg.tables.some((x) => x.logicalName === n));
    afterCommit.push(() => deps.registerTable(def));
    newTables.push(t.logicalName);
    component(ComponentType.Entity, add('entity', t.logicalName, nameGuid(`entity:${t.logicalName}`)), t.logicalName);
  }
  ensureEntityMessages(rows, newTables);

  for (const r of pkg.ribbons) {
    rows.upsert('ribboncustomization', { entity: r.entity }, { ribbondiffxml: r.ribbonDiffXml, solutionid: solutionId, ismanaged: managed });
  }

  for (const v of pkg.environmentVariables) {
    const defId = rows.upsert('environmentvariabledefinition', { schemaname: v.schemaName }, {
      displayname: v.displayName ?? v.schemaName, description: v.description ?? null, type: v.type,
      defaultvalue: v.defaultValue ?? null, isrequired: v.isRequired, ismanaged: managed,
    });
    const value = envValues.get(v.schemaName) ?? v.value?.value;
    if (value !== undefined) {
      rows.upsert('environmentvariablevalue', { environmentvariabledefinitionid: defId },
        { schemaname: v.schemaName, value, ismanaged: managed }, normalizeGuid(v.value?.id));
    }
    component(ComponentType.EnvironmentVariableDefinition, add('environmentvariabledefinition', v.schemaName, defId), v.schemaName);
  }

  for (const api of pkg.customApis) {
    for (const f of [...api.requestParameters, ...api.responseProperties]) {
      if (f.type > CustomApiFieldType.Guid) throw platformErrors.invalidArgument(`Custom API ${api.uniqueName}: field ${f.uniqueName} has unknown type ${f.type}.`);
    }
    const apiId = rows.upsert('customapi', { uniquename: api.uniqueName }, {
      name: api.name, displayname: api.displayName ?? api.uniqueName, description: api.description ?? null,
      bindingtype: api.bindingType, boundentitylogicalname: api.boundEntityLogicalName ?? null, isfunction: api.isFunction,
      isprivate: api.isPrivate, allowedcustomprocessingsteptype: api.allowedCustomProcessingStepType,
      executeprivilegename: api.executePrivilegeName ?? null, ismanaged: managed,
    });
    for (const p of api.requestParameters) {
      rows.upsert('customapirequestparameter', { customapiid: apiId, uniquename: p.uniqueName }, {
        name: p.name, displayname: p.displayName ?? p.uniqueName, description: p.description ?? null, type: p.type,
        isoptional: p.isOptional, logicalentityname: p.logicalEntityName ?? null, ismanaged: managed,
      });
    }
    for (const p of api.responseProperties) {
      rows.upsert('customapiresponseproperty', { customapiid: apiId, uniquename: p.uniqueName }, {
        name: p.name, displayname: p.displayName ?? p.uniqueName, description: p.description ?? null, type: p.type,
        logicalentityname: p.logicalEntityName ?? null, ismanaged: managed,
      });
    }
    const messageId = ensureSdkMessage(rows, api.uniqueName);
    ensureMessageFilter(rows, api.uniqueName, messageId, api.boundEntityLogicalName ?? 'none');
    afterCommit.push(() => deps.activateCustomApi(api.uniqueName));
    component(ComponentType.CustomApi, add('customapi', api.uniqueName, apiId), api.uniqueName);
  }

  return { solutionId, upgrade, components, afterCommit };
}
