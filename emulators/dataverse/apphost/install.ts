/**
 * Wires the model-driven app host onto the Dataverse emulator through `registerRoute`:
 * `GET /main.aspx?pagetype=entityrecord|entitylist|webresource…`, the client scripts under
 * `/_apphost/`, and the session cookie → bearer translation for same-origin Web API calls.
 * Pages read only what ImportSolution stored (ribbon diff, web resources, the control's manifest).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataverseExtensions, RouteReply, RouteRequest } from '../extensibility';
import { APP_PATH, ASSET_PREFIX, HOSTED_SOLUTION, PAGE_TYPES, USER_LCID } from './constants';
import { controlFiles } from './control-manifest';
import { SYNC_STATUS_CONTROL } from './form-registry';
import { errorPage, hostPage } from './html';
import { formModel, gridModel, type HostContext, type SolutionRows } from './page-model';
import { Sessions, type SessionOptions } from './session';

const ASSETS: Record<string, string> = {
  'host.css': 'text/css; charset=utf-8', 'xrm.js': 'text/javascript; charset=utf-8', 'pcf.js': 'text/javascript; charset=utf-8',
  'form.js': 'text/javascript; charset=utf-8', 'grid.js': 'text/javascript; charset=utf-8', 'main.js': 'text/javascript; charset=utf-8',
};
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

export interface AppHostHooks {
  /** The emulator's hook that lets a session cookie stand for a bearer token (server.ts). */
  useSessions(authorize: (headers: Record<string, string | undefined>) => Promise<string | undefined>): void;
}

function solutionRows(ext: DataverseExtensions, table: string): SolutionRows {
  const ribbon = ext.store.findByColumns('ribboncustomization', { entity: table });
  const control = ext.store.findByColumns('customcontrol', { name: SYNC_STATUS_CONTROL });
  return {
    ribbonDiffXml: typeof ribbon?.data.ribbondiffxml === 'string' ? ribbon.data.ribbondiffxml : undefined,
    webResources: new Set(ext.store.find('webresource').map((r) => String(r.data.name))),
    control: typeof control?.data.manifest === 'string' ? controlFiles(SYNC_STATUS_CONTROL, control.data.manifest) : undefined,
  };
}

function html(body: string, setCookie?: string): RouteReply {
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(setCookie ? { 'set-cookie': setCookie } : {}) }, body };
}

function page(ext: DataverseExtensions, req: RouteRequest): RouteReply {
  const q = req.query;
  const type = q.pagetype ?? '';
  if (!ext.store.findByColumns('solution', { uniquename: HOSTED_SOLUTION })) {
    return errorPage(409, 'Solution not imported', `The solution ${HOSTED_SOLUTION} has never been imported into this environment, so there are no forms, commands or controls to show.`,
      'Import it first: npx psa-fo-sync deploy --config <config.json>, or start the sandbox (npm start), which deploys it.');
  }
  if (type === PAGE_TYPES.webResource) {
    const name = q.webresourceName ?? q.data ?? '';
    if (!ext.store.findByColumns('webresource', { name })) {
      return errorPage(404, 'Web resource not found', `There is no web resource named "${name}".`, 'Use webresourceName=psafo_/admin/console.html for the admin console.');
    }
    return html(hostPage(name, { page: 'webresource', name, entitySets: Object.fromEntries(ext.schema.tables().map((t) => [t.logicalName, t.entitySetName])) }));
  }
  if (type !== PAGE_TYPES.record && type !== PAGE_TYPES.list) {
    return errorPage(404, 'Page not found', `pagetype "${type}" is not a page this app host serves.`, 'Use pagetype=entityrecord&etn=<table>&id=<id>, pagetype=entitylist&etn=<table> or pagetype=webresource&webresourceName=<name>.');
  }
  const table = ext.schema.byLogicalName((q.etn ?? '').toLowerCase());
  if (!table) {
    return errorPage(404, 'Table not found', `There is no table with the logical name "${q.etn ?? ''}" in this environment.`, 'Check the etn parameter (a logical name such as msdyn_project or salesorder).');
  }
  const ctx: HostContext = { tables: (n) => ext.schema.byLogicalName(n), allTables: ext.schema.tables(), lcid: USER_LCID };
  const rows = solutionRows(ext, table.logicalName);
  if (type === PAGE_TYPES.list) return html(hostPage(table.def.displayName ?? table.logicalName, gridModel(table, rows, ctx)));
  const id = GUID.exec(q.id ?? '')?.[1]?.toLowerCase();
  if (!id || !ext.store.get(table.logicalName, id)) {
    return errorPage(404, 'Record not found', `The ${table.logicalName} record "${q.id ?? ''}" does not exist (it may have been deleted).`, `Open the list instead: ${APP_PATH}?pagetype=entitylist&etn=${table.logicalName}`);
  }
  return html(hostPage(`${table.def.displayName ?? table.logicalName}`, formModel(table, id, rows, ctx)));
}

export function installAppHost(ext: DataverseExtensions, hooks: AppHostHooks, options: SessionOptions): Sessions {
  const sessions = new Sessions(options);
  const assets = new Map<string, Buffer>();
  hooks.useSessions(async (headers) => {
    // Like the service's session cookie: only for same-origin requests (a cross-site form post carries another Origin).
    if (headers.origin && headers.origin !== ext.url) return undefined;
    return sessions.authorization(headers.cookie);
  });
  ext.registerRoute('GET', APP_PATH, async (req) => {
    const reply = page(ext, req);
    if (reply.status !== 200) return reply;
    const { setCookie } = await sessions.ensure(req.headers.cookie);
    return setCookie ? { ...reply, headers: { ...reply.headers, 'set-cookie': setCookie } } : reply;
  }, { auth: false });
  ext.registerRoute('GET', `${ASSET_PREFIX}/:name`, (req): RouteReply => {
    const name = req.params.name ?? '';
    const type = ASSETS[name];
    if (!type) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `No app host asset ${name}.` };
    let body = assets.get(name);
    if (!body) {
      body = readFileSync(join(__dirname, 'client', name));
      assets.set(name, body);
    }
    return { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache' }, body };
  }, { auth: false });
  return sessions;
}
