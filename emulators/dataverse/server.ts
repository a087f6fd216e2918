/**
 * The Dataverse emulator, shaped like Azurite: `new DataverseEmulator(options)`, `start()` →
 * `{ url }`, `close()`. Pipeline of every request: parse (body limit) → counters → faults →
 * authenticate (bearer for this emulator's audience) → service protection → dispatch → handler →
 * serialize; every failure is the service's error body from errors.ts.
 * Admin endpoints under `/_emulator/` (loopback, no auth): reset, seed, faults, requests, limits.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import type { Logger } from 'pino';
import type { BearerVerifier } from '../common/auth';
import { ADMIN_PREFIX, registerAdminRoutes } from '../common/admin';
import { RequestCounters } from '../common/counters';
import { FaultInjector } from '../common/faults';
import { resolveDataset } from '../seed';
import type { SeedSet } from '../seed';
import { Headers } from './constants';
import type { ServiceContext } from './context';
import { dispatch } from './dispatch';
import { DataverseError, errors, toDataverseError } from './errors';
import type { ActionHandler, DataverseExtensions, MessageHandler, MessageStage, RouteHandler, RouteOptions } from './extensibility';
import type { DvResponse } from './http';
import { bodyText, errorResponse } from './http';
import { MessagePipeline, WriteLock } from './pipeline';
import { DEFAULT_LIMITS, ServiceProtection } from './protection';
import type { ProtectionLimits } from './protection';
import { installPlatform } from './platform/install';
import type { PlatformHandle } from './platform/install';
import { CustomRoutes } from './routes';
import { SchemaRegistry } from './schema/registry';
import type { TableDefinition } from './schema/types';
import { seedStore } from './seed';
import type { SeedSummary } from './seed';
import { SqliteStore } from './store/sqlite-store';
import type { RecordStore } from './store/types';
import { callerFor, ensureSystemUser, impersonatedCaller, SYSTEM_USER_ID } from './users';

export interface DataverseEmulatorOptions {
  host?: string;
  port?: number;
  /** SQLite file under this directory; in memory when absent. */
  dataDir?: string;
  /** Bearer verification for the emulator's own audience (its base URL). Use `allowAll` only in tests of other things. */
  auth: BearerVerifier;
  /** `authorization_uri` of the 401 `WWW-Authenticate` header (the identity emulator's authorize endpoint). */
  authorizationUri?: string;
  logger?: Logger;
  /** Service protection limits (defaults: 6000 requests, 20 min execution time per 300 s, 52 concurrent). */
  limits?: Partial<ProtectionLimits>;
  /** Request body limit (413 above it). Default 128 MiB. */
  maxBodyBytes?: number;
  /** Global latency added to every Web API request (faults). */
  latencyMs?: number;
  /** Data set loaded by `start()`: `demo`, `none` (default) or `large:N`. */
  seed?: string;
}

/** Stages skipped on request of the caller's bypass headers. */
function bypassedStages(headers: Record<string, string | undefined>): { pre?: boolean; post?: boolean } {
  if (headers['mscrm.bypasscustompluginexecution']?.toLowerCase() === 'true') return { pre: true, post: true };
  const logic = (headers['mscrm.bypassbusinesslogicexecution'] ?? '').split(',').map((s) => s.trim().toLowerCase());
  return { pre: logic.includes('customsync'), post: logic.includes('customasync') };
}

const DEFAULT_MAX_BODY = 128 * 1024 * 1024;
const MAX_HEADER_BYTES = 96 * 1024;
const DEFAULT_AUTHORIZATION_URI = 'https://login.microsoftonline.com/common/oauth2/authorize';

export class DataverseEmulator implements DataverseExtensions {
  readonly schema: SchemaRegistry;
  readonly errors = errors;
  readonly faults: FaultInjector;
  readonly counters = new RequestCounters();
  readonly protection: ServiceProtection;
  private readonly sqlite: SqliteStore;
  private readonly logger: Logger;
  private readonly pipeline: MessagePipeline;
  private readonly lock = new WriteLock();
  private readonly actions = new Map<string, ActionHandler>();
  private readonly routes = new CustomRoutes();
  private readonly builtIn: Set<string>;
  private readonly callers = new Map<string, string>();
  private app?: FastifyInstance;
  readonly platform: PlatformHandle;
  private baseUrl = '';
  private sessionAuthorization?: (headers: Record<string, string | undefined>) => Promise<string | undefined>;

  constructor(private readonly options: DataverseEmulatorOptions) {
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.schema = new SchemaRegistry();
    this.builtIn = new Set(this.schema.tables().map((t) => t.logicalName));
    this.sqlite = new SqliteStore({ dataDir: options.dataDir });
    for (const table of this.schema.tables()) this.sqlite.ensureTable(table);
    this.schema.onRegister((table) => this.sqlite.ensureTable(table));
    for (const def of this.sqlite.loadTableDefinitions()) this.schema.register(def);
    this.pipeline = new MessagePipeline(this.logger);
    this.protection = new ServiceProtection({ ...DEFAULT_LIMITS, ...options.limits });
    this.faults = new FaultInjector({ latencyMs: options.latencyMs ?? 0 });
    ensureSystemUser(this.sqlite);
    // Platform behaviour (ImportSolution, Custom APIs, webhooks, /WebResources): platform/install.ts (B3).
    this.platform = installPlatform(this, { logger: this.logger.child({ part: 'platform' }) });
  }

  get store(): RecordStore {
    return this.sqlite;
  }

  get url(): string {
    return this.baseUrl;
  }

  registerAction(name: string, handler: ActionHandler): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Action name '${name}' is not a valid OData identifier.`);
    if (this.schema.byEntitySet(name)) throw new Error(`Action name '${name}' collides with an entity set.`);
    this.actions.set(name, handler);
  }

  onMessage(stage: MessageStage, handler: MessageHandler): () => void {
    return this.pipeline.on(stage, handler);
  }

  registerTable(def: TableDefinition): void {
    if (this.builtIn.has(def.logicalName)) throw new Error(`Table '${def.logicalName}' is a built-in table of the emulator and cannot be replaced.`);
    this.schema.register(def);
    this.sqlite.saveTableDefinition(def);
  }

  registerRoute(method: string, url: string, handler: RouteHandler, options?: RouteOptions): void {
    this.routes.add(method, url, handler, options);
  }

  /** App host (apphost/): a browser session cookie stands for its bearer token when no Authorization header is sent. */
  useSessions(authorize: (headers: Record<string, string | undefined>) => Promise<string | undefined>): void {
    this.sessionAuthorization = authorize;
  }

  /** Loads a seed set (Web API create bodies) through the store, without firing the message pipeline. */
  async seed(set: SeedSet): Promise<SeedSummary> {
    return seedStore(this.context(SYSTEM_USER_ID, { silent: true }), set.dataverse);
  }

  /** Empties every table (registered tables stay registered), counters, limits state and faults. */
  reset(): void {
    this.sqlite.clear();
    this.callers.clear();
    this.protection.reset();
    ensureSystemUser(this.sqlite);
  }

  async start(): Promise<{ url: string }> {
    if (this.app) throw new Error('The Dataverse emulator is already started.');
    const app = fastify({
      logger: false, bodyLimit: this.options.maxBodyBytes ?? DEFAULT_MAX_BODY, return503OnClosing: false,
      // GET URLs up to 32,768 characters are valid on the service (Node's default header limit is 16 KiB).
      serverFactory: (handler) => createServer({ maxHeaderSize: MAX_HEADER_BYTES }, handler),
      // Malformed URLs (bad percent-encoding) are refused by the router: answer them like the service.
      frameworkErrors: (err, _request, reply) => {
        void this.send(reply, errorResponse(err.code === 'FST_ERR_BAD_URL'
          ? errors.querySyntax('Bad Request - Error in query syntax. The URL contains an invalid percent-encoding.')
          : new DataverseError(400, '', err.message)));
      },
    });
    registerAdminRoutes(app, {
      reset: () => this.reset(),
      seed: async (dataset) => this.seed(resolveDataset(dataset)),
      faults: this.faults,
      counters: this.counters,
    });
    app.get(`${ADMIN_PREFIX}/limits`, async () => this.protection.getLimits());
    app.put(`${ADMIN_PREFIX}/limits`, async (request, reply) => {
      const body = request.body as Partial<ProtectionLimits> | undefined;
      const bad = Object.entries(body ?? {}).find(([k, v]) => !(k in DEFAULT_LIMITS) || typeof v !== 'number' || !(v > 0));
      if (!body || typeof body !== 'object' || bad) {
        return reply.code(400).send({ error: { code: 'EmulatorLimitsInvalid', message: `Send positive numbers for ${Object.keys(DEFAULT_LIMITS).join(', ')}.` } });
      }
      this.protection.setLimits(body);
      return this.protection.getLimits();
    });
    await app.register(async (api) => {
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      api.setErrorHandler((err: { code?: string; statusCode?: number; message: string }, _request, reply) => {
        const e = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? errors.payloadTooLarge(this.options.maxBodyBytes ?? DEFAULT_MAX_BODY)
          : err.statusCode && err.statusCode < 500 ? new DataverseError(err.statusCode, '', err.message) : toDataverseError(err);
        void this.send(reply, errorResponse(e));
      });
      api.all('/*', (request, reply) => this.handle(request, reply));
    });
    const address = await app.listen({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 0 });
    this.app = app;
    this.baseUrl = address.replace('[::1]', 'localhost');
    if (this.options.seed && this.options.seed !== 'none') await this.seed(resolveDataset(this.options.seed));
    return { url: this.baseUrl };
  }

  async close(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    if (app) await app.close();
    this.sqlite.close();
  }

  private context(caller: string, opts: { silent?: boolean; bypass?: { pre?: boolean; post?: boolean } } = {}): ServiceContext {
    return {
      schema: this.schema, store: this.sqlite, lock: this.lock, actions: this.actions, logger: this.logger,
      pipeline: opts.silent ? new MessagePipeline(this.logger) : this.pipeline.without(opts.bypass ?? {}),
      baseUrl: this.baseUrl, apiPath: '/api/data/v9.2', caller, correlationId: randomUUID(), depth: 1,
    };
  }

  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const started = Date.now();
    const url = request.url;
    const path = url.split('?')[0];
    const method = request.method;
    this.counters.record(method, url);
    const headers = request.headers as Record<string, string | undefined>;
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const custom = this.routes.match(method, path);
    let caller = SYSTEM_USER_ID;
    if (!custom || custom.options.auth !== false) {
      const authorization = headers.authorization ?? (headers.cookie && this.sessionAuthorization ? await this.sessionAuthorization(headers) : undefined);
      const check = await this.options.auth.verify(authorization, this.baseUrl);
      if (!check.ok) {
        const message = check.error === 'missing' ? 'Bearer token is required. Send Authorization: Bearer <token> for the audience ' + this.baseUrl
          : check.description;
        return this.send(reply, errorResponse(errors.unauthorized(message, this.options.authorizationUri ?? DEFAULT_AUTHORIZATION_URI, `${this.baseUrl}/`)));
      }
      caller = callerFor(this.sqlite, this.callers, check.claims);
    }
    let admitted: { remaining: number; timeRemainingMs: number };
    try {
      admitted = this.protection.enter(caller);
    } catch (err) {
      return this.send(reply, errorResponse(err));
    }
    let resp: DvResponse;
    try {
      const fault = await this.applyFault(method, path);
      const actingAs = custom ? caller : impersonatedCaller(this.sqlite, headers, caller);
      if (fault) resp = fault;
      else if (custom) {
        const r = await custom.handler({
          method, url, path, params: custom.params, query: Object.fromEntries(new URLSearchParams(url.split('?')[1] ?? '')),
          headers, body: body ?? Buffer.alloc(0), caller,
        });
        const replyHeaders: Record<string, string> = {};
        for (const [k, v] of Object.entries(r.headers ?? {})) if (v !== undefined) replyHeaders[k] = v;
        resp = { status: r.status, headers: replyHeaders, body: r.body };
      } else {
        resp = await dispatch(this.context(actingAs, { bypass: bypassedStages(headers) }), { method, url, headers, body });
      }
    } catch (err) {
      if (!(err instanceof DataverseError)) this.logger.error({ err }, 'unhandled error in the Dataverse emulator');
      resp = errorResponse(err);
    } finally {
      this.protection.leave(caller, Date.now() - started);
    }
    resp.headers[Headers.correlationId] ??= randomUUID();
    resp.headers[Headers.burstRemaining] = String(admitted.remaining);
    resp.headers[Headers.timeRemaining] = String(Math.floor(admitted.timeRemainingMs));
    return this.send(reply, resp);
  }

  /** Latency and injected failures of the fault profile, inside the protection window like real slowness. */
  private async applyFault(method: string, path: string): Promise<DvResponse | undefined> {
    const decision = this.faults.decide(method, path);
    if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
    if (!decision.status) return undefined;
    const retry = decision.retryAfterSeconds ?? 1;
    const limits = this.protection.getLimits();
    return errorResponse(decision.status === 429 ? errors.requestCountLimit(retry, limits.requests, limits.windowSeconds)
      : decision.status === 503 ? errors.serviceUnavailable(retry) : errors.internal('The emulator injected a fault (500) for this path.'));
  }

  private send(reply: FastifyReply, resp: DvResponse): FastifyReply {
    reply.code(resp.status);
    for (const [k, v] of Object.entries(resp.headers)) reply.header(k, v);
    if (resp.body === undefined || resp.status === 204 || resp.status === 304) return reply.send();
    if (Buffer.isBuffer(resp.body)) return reply.send(resp.body);
    return reply.send(Buffer.from(bodyText(resp.body), 'utf8'));
  }
}

