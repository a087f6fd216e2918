import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';
import type { BearerVerifier } from '../common/auth';
import { FaultInjector } from '../common/faults';
import { RequestCounters } from '../common/counters';
import {
  CONTENT_TYPE_JSON, DATA_PATH, DEFAULT_BODY_LIMIT_BYTES, DEFAULT_COMPANY, DEFAULT_INTEGRATION_CLIENT_IDS, DEFAULT_MAX_PAGE_SIZE,
} from './constants';
import { finopsErrors, FinOpsError } from './errors';
import { EntityRegistry } from './model/registry';
import { baselineReferenceData, type SeedGroup } from './model/baseline';
import { SqliteFinOpsStore } from './store/sqlite-store';
import type { FinOpsStore } from './store/store';
import { batch } from './handlers/batch';
import { dispatch, errorResponse } from './handlers/dispatch';
import type { HandlerContext, ODataRequest, ODataResponse } from './handlers/types';
import { registerFinOpsAdminRoutes } from './admin/routes';
import { isAdminPath } from '../common/admin';
import { loadSeed } from './admin/seed';
import { runImportStaging } from './admin/import-staging';
import { runPostJournal } from './admin/post-journal';
import type { Caller } from './rules/context';

/** The F&O part of a seed set (emulators/seed): OData bodies per entity set, with dataAreaId. */
export interface FinOpsSeedSet {
  finops: SeedGroup[];
}

export interface FinOpsEmulatorOptions {
  host?: string;
  port?: number;
  /** SQLite file `finops.sqlite` under this folder; in memory when absent. */
  dataDir?: string;
  /** Bearer token check (emulators/common/auth). Required: pass `allowAll` explicitly to opt out. */
  auth: BearerVerifier;
  /** Expected token audience; defaults to the emulator's own URL (`http://127.0.0.1:<port>`). */
  audience?: string;
  logger?: Logger;
  /** Client ids (token `appid`/`azp`) treated as the PSA integration for functionality locking. */
  integrationClientIds?: string[];
  /** The caller's default company (lower-case); USMF as in the demo data. */
  defaultCompany?: string;
  maxPageSize?: number;
  bodyLimitBytes?: number;
  latencyMs?: number;
  /** Resolves `/_emulator/seed` dataset names ("demo", "large:N") to seed sets. */
  datasets?: (name: string) => FinOpsSeedSet | Promise<FinOpsSeedSet>;
  now?: () => Date;
}

const BASELINE_META = 'baseline-loaded';

/** Dynamics 365 Finance and Operations OData emulator: `/data/` plus `/_emulator/` admin endpoints. */
export class FinOpsEmulator {
  readonly faults: FaultInjector;
  readonly counters = new RequestCounters();
  readonly registry = new EntityRegistry();
  private storeInstance?: FinOpsStore;
  private app?: FastifyInstance;
  private baseUrl?: string;
  private readonly logger: Logger;

  constructor(private readonly options: FinOpsEmulatorOptions) {
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.faults = new FaultInjector({ latencyMs: options.latencyMs ?? 0 });
  }

  get url(): string {
    if (!this.baseUrl) throw new Error('The F&O emulator is not started.');
    return this.baseUrl;
  }

  get store(): FinOpsStore {
    if (!this.storeInstance) this.storeInstance = new SqliteFinOpsStore({ dataDir: this.options.dataDir });
    return this.storeInstance;
  }

  async start(): Promise<{ url: string }> {
    if (this.store.getMeta(BASELINE_META) !== 'yes') this.resetData();
    const app = Fastify({
      loggerInstance: this.logger as unknown as FastifyBaseLogger,
      bodyLimit: this.options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      routerOptions: { maxParamLength: 65_536 },
      forceCloseConnections: true,
      logController: new LogController({ disableRequestLogging: true }),
      frameworkErrors: (err, _request, reply) => {
        void this.send(reply, errorResponse(finopsErrors.badRequest(`The request URI is not valid: ${err.message}`)));
      },
    });
    app.removeAllContentTypeParsers();
    // OData bodies stay raw text (the pipeline parses JSON and multipart itself, with F&O's errors);
    // admin bodies are JSON for the shared /_emulator/ routes.
    app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => {
      if (!isAdminPath(req.url.split('?')[0]) || typeof body !== 'string' || body.trim() === '') return done(null, body);
      try {
        done(null, JSON.parse(body));
      } catch {
        done(Object.assign(new Error('The admin request body is not valid JSON.'), { statusCode: 400 }), undefined);
      }
    });
    app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (isAdminPath(request.url.split('?')[0])) {
        const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
        if (status === 500) this.logger.error({ err, url: request.url }, 'F&O emulator admin error');
        return reply.code(status).type('application/json').send({ error: { code: err.code ?? 'EmulatorAdminFailed', message: err.message } });
      }
      const e = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? finopsErrors.payloadTooLarge(this.options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES)
        : err.statusCode && err.statusCode < 500
          ? finopsErrors.badRequest(err.message)
          : finopsErrors.internal('An unexpected error occurred in the emulator.');
      if (!(err.statusCode && err.statusCode < 500)) this.logger.error({ err, url: request.url }, 'F&O emulator error');
      return this.send(reply, errorResponse(e));
    });
    app.setNotFoundHandler((request, reply) => this.send(reply, errorResponse(finopsErrors.noHttpResource(`${this.baseUrl}${request.url}`))));
    app.all(DATA_PATH, (req, reply) => this.handle(req, reply));
    app.all(`${DATA_PATH}/*`, (req, reply) => this.handle(req, reply));
    registerFinOpsAdminRoutes(app, {
      faults: this.faults,
      counters: this.counters,
      reset: () => this.resetData(),
      seed: (name) => this.seedDataset(name),
      importStaging: (dataAreaId) => runImportStaging(this.store, this.registry, this.now(), dataAreaId),
      postJournal: (opts) => runPostJournal(this.store, this.registry, this.now(), opts),
    });
    try {
      await app.listen({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 0 });
    } catch (err) {
      await app.close().catch(() => undefined);
      this.storeInstance?.close();
      this.storeInstance = undefined;
      throw err;
    }
    this.app = app;
    const a = app.server.address();
    if (!a || typeof a !== 'object') throw new Error('The F&O emulator has no TCP address.');
    this.baseUrl = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
    this.logger.info({ url: this.baseUrl }, 'F&O emulator listening');
    return { url: this.baseUrl };
  }

  async close(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    this.storeInstance?.close();
    this.storeInstance = undefined;
  }

  /** Back to the baseline reference data; fault rules cleared (latency back to the option), counters cleared. */
  reset(): void {
    this.resetData();
    this.faults.clear();
    this.faults.setLatency(this.options.latencyMs ?? 0);
    this.counters.reset();
  }

  private resetData(): void {
    this.store.clearAll();
    loadSeed(this.store, this.registry, baselineReferenceData());
    this.store.setMeta(BASELINE_META, 'yes');
  }

  /** Loads the F&O part of a seed set through the store (on top of what is there). */
  seed(set: FinOpsSeedSet): number {
    return loadSeed(this.store, this.registry, set.finops);
  }

  private async seedDataset(name: string): Promise<{ records: number }> {
    if (name === 'none') return { records: 0 };
    if (!this.options.datasets) {
      throw Object.assign(new Error(`No dataset provider is configured; only "none" is available (asked for "${name}").`), { code: 'SEED_UNAVAILABLE' });
    }
    return { records: this.seed(await this.options.datasets(name)) };
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private async caller(request: FastifyRequest): Promise<Caller | FinOpsError> {
    const check = await this.options.auth.verify(request.headers.authorization, this.options.audience ?? this.url);
    if (!check.ok) return finopsErrors.unauthorized(check.description);
    const raw = check.claims.appid ?? check.claims.azp;
    const clientId = typeof raw === 'string' ? raw : undefined;
    const ids = this.options.integrationClientIds ?? DEFAULT_INTEGRATION_CLIENT_IDS;
    return { clientId, isIntegration: clientId !== undefined && ids.includes(clientId) };
  }

  /** Pipeline: count → faults → authenticate → parse → dispatch ($batch or one request) → serialize. */
  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const [rawPath, rawQuery = ''] = request.url.split(/\?(.*)/s);
    this.counters.record(request.method, rawPath);
    const decision = this.faults.decide(request.method, rawPath);
    if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
    if (decision.status) {
      const retry = decision.retryAfterSeconds ?? 1;
      const e = decision.status === 429 ? finopsErrors.throttled(retry) : decision.status === 503 ? finopsErrors.unavailable(retry) : finopsErrors.internal('Injected fault.');
      return this.send(reply, errorResponse(e));
    }
    const caller = await this.caller(request);
    if (caller instanceof FinOpsError) return this.send(reply, errorResponse(caller));
    let path: string;
    try {
      path = decodeURIComponent(rawPath.slice(DATA_PATH.length));
    } catch {
      return this.send(reply, errorResponse(finopsErrors.badRequest('The request URI is not valid: bad percent-encoding.')));
    }
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const req: ODataRequest = { method: request.method, path, query: new URLSearchParams(rawQuery), headers, body: typeof request.body === 'string' ? request.body : undefined };
    const ctx: HandlerContext = {
      store: this.store,
      registry: this.registry,
      serviceRoot: `${this.url}${DATA_PATH}`,
      caller,
      defaultCompany: this.options.defaultCompany ?? DEFAULT_COMPANY,
      maxPageSize: this.options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE,
      now: () => this.now(),
    };
    let res: ODataResponse;
    if (path === '/$batch') {
      try {
        res = request.method === 'POST' ? batch(ctx, req) : errorResponse(finopsErrors.methodNotAllowed(request.method, '$batch'));
      } catch (err) {
        res = errorResponse(err);
      }
    } else res = dispatch(ctx, req);
    if (res.status >= 500) this.logger.warn({ status: res.status, path }, 'F&O emulator answered a server error');
    return this.send(reply, res);
  }

  private async send(reply: FastifyReply, res: ODataResponse): Promise<void> {
    reply.code(res.status).header('OData-Version', '4.0');
    for (const [k, v] of Object.entries(res.headers)) reply.header(k, v);
    if (res.json !== undefined || res.jsonText !== undefined) {
      if (!reply.hasHeader('content-type')) reply.type(CONTENT_TYPE_JSON);
      await reply.send(res.jsonText ?? JSON.stringify(res.json));
    } else if (res.text !== undefined) await reply.send(res.text);
    else await reply.send();
  }
}
