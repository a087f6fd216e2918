/**
 * Wires the platform layer onto a Dataverse emulator through its extension points: platform
 * tables, ImportSolution / ImportSolutionAsync / PublishAllXml / PublishXml, the runtime of every
 * imported Custom API, webhook steps on the message pipeline, webhook endpoint validation and
 * `GET /WebResources/*`. Returns a handle for tests and shutdown.
 */
import pino, { type Logger } from 'pino';
import { Organization } from '../constants';
import type { DataverseExtensions, MessageContext } from '../extensibility';
import { platformTables } from '../schema/platform-tables';
import { psaTables } from '../schema/psa-tables';
import { EntityMessage, PlatformAction, ServiceEndpointContract } from './constants';
import { customApiHandler } from './customapi/execute';
import { ImportService } from './importer/importSolution';
import { uninstallSolution } from './importer/uninstall';
import { rowWriter } from './rows';
import { webResourceRoute, WEB_RESOURCES_PATHS } from './routes/webResources';
import { platformExtraTables } from './tables';
import { validateWebhookEndpoint } from './webhooks/auth';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { ensureEntityMessages, ensureSdkMessage } from './webhooks/messages';
import { validateStep } from './webhooks/validateStep';

export interface PlatformOptions {
  logger?: Logger;
  /** Webhook timeout; 60 s as the real service unless a test shortens it. */
  webhookTimeoutMs?: number;
  now?: () => Date;
}

export interface PlatformHandle {
  /** Resolves when every asynchronous webhook delivery started so far has finished. */
  idle(): Promise<void>;
  /** Re-creates SDK messages/filters and re-activates imported Custom APIs (after a reset or seed). */
  refresh(): void;
  imports: ImportService;
  dispatcher: WebhookDispatcher;
}

const BUILT_IN_TABLES = new Set([...psaTables, ...platformTables, ...platformExtraTables].map((t) => t.logicalName));
const isBuiltInTable = (logicalName: string) => BUILT_IN_TABLES.has(logicalName);

const installed = new WeakMap<DataverseExtensions, PlatformHandle>();

export function installPlatform(ext: DataverseExtensions, options: PlatformOptions = {}): PlatformHandle {
  const existing = installed.get(ext);
  if (existing) {
    if (options.webhookTimeoutMs !== undefined) existing.dispatcher.setTimeout(options.webhookTimeoutMs);
    return existing;
  }
  const logger = options.logger ?? pino({ level: 'silent' });
  const now = options.now ?? (() => new Date());
  for (const def of platformExtraTables) {
    if (!ext.schema.byLogicalName(def.logicalName)) ext.registerTable(def);
  }
  const primaryIdOf = (table: string) => ext.schema.byLogicalName(table)?.primaryId ?? `${table}id`;
  const rows = rowWriter(ext.store, primaryIdOf, now);
  const activated = new Set<string>();
  const activateCustomApi = (uniqueName: string) => {
    if (activated.has(uniqueName)) return;
    activated.add(uniqueName);
    ext.registerAction(uniqueName, customApiHandler(uniqueName));
  };
  const refresh = () => {
    ensureEntityMessages(rows, ext.schema.tables().map((t) => t.logicalName));
    for (const api of ext.store.find('customapi')) activateCustomApi(String(api.data.uniquename));
  };
  refresh();
  // `/_emulator/reset` empties every table: put the SDK messages back afterwards.
  const host = ext as DataverseExtensions & { reset?: () => void; close?: () => Promise<void> };
  if (typeof host.reset === 'function') {
    const reset = host.reset.bind(host);
    host.reset = () => { reset(); refresh(); };
  }

  const imports = new ImportService({
    rows, logger, now, activateCustomApi,
    registerTable: (def) => {
      try {
        ext.registerTable(def);
      } catch (err) {
        // A full definition of a table the emulator already models (an OOB table exported with
        // behavior 0): keep the built-in schema, as an import merges into the existing table.
        if (!ext.schema.byLogicalName(def.logicalName)) throw err;
        logger.info({ table: def.logicalName, reason: (err as Error).message }, 'kept the built-in table definition');
      }
    },
    hasTable: (name) => ext.schema.byLogicalName(name) !== undefined,
    transaction: (fn) => ext.store.transaction(fn),
  });
  ext.registerAction(PlatformAction.ImportSolution, imports.importSolution);
  ext.registerAction(PlatformAction.ImportSolutionAsync, imports.importSolutionAsync);
  ext.registerAction(PlatformAction.PublishAllXml, imports.publish);
  ext.registerAction(PlatformAction.PublishXml, imports.publish);

  const dispatcher = new WebhookDispatcher({
    store: ext.store, schema: ext.schema, rows, logger, now, timeoutMs: options.webhookTimeoutMs,
    organization: () => ({
      organizationId: Organization.id, organizationName: Organization.name, businessUnitId: Organization.businessUnitId,
      domain: ext.url ? new URL(ext.url).host : Organization.name,
    }),
  });
  ext.onMessage('pre', (ctx: MessageContext) => {
    if (ctx.entityLogicalName === 'serviceendpoint' && (ctx.message === EntityMessage.Create || ctx.message === EntityMessage.Update)
      && Number(ctx.postImage?.contract) === ServiceEndpointContract.Webhook) {
      validateWebhookEndpoint(ctx.postImage ?? {});
    }
    if (ctx.entityLogicalName === 'solution' && ctx.message === EntityMessage.Delete && ctx.preImage) {
      uninstallSolution(ext.store, ctx.id, ctx.preImage.ismanaged === true, isBuiltInTable);
      dispatcher.invalidate();
    }
    if (ctx.entityLogicalName === 'sdkmessageprocessingstep' && (ctx.message === EntityMessage.Create || ctx.message === EntityMessage.Update) && ctx.postImage) {
      validateStep(ext.store, ctx.postImage);
    }
    return dispatcher.onPre(ctx);
  });
  ext.onMessage('post', (ctx) => {
    // A Custom API created through the Web API becomes callable, as on the real service.
    if (ctx.entityLogicalName === 'customapi' && ctx.message === EntityMessage.Create && typeof ctx.postImage?.uniquename === 'string') {
      ensureSdkMessage(rows, ctx.postImage.uniquename);
      activateCustomApi(ctx.postImage.uniquename);
    }
    return dispatcher.onPost(ctx);
  });
  for (const path of WEB_RESOURCES_PATHS) ext.registerRoute('GET', path, webResourceRoute(() => ext.store), { auth: false });

  // close(): abandon webhook deliveries before the store goes away.
  if (typeof host.close === 'function') {
    const close = host.close.bind(host);
    host.close = async () => { dispatcher.stop(); await close(); };
  }
  const handle: PlatformHandle = { idle: () => dispatcher.idle(), refresh, imports, dispatcher };
  installed.set(ext, handle);
  return handle;
}
