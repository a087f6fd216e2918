import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import type { Logger } from 'pino';
import { isAdminPath, registerAdminRoutes } from '../common/admin';
import { RequestCounters } from '../common/counters';
import { FaultInjector } from '../common/faults';
import { ensureTlsMaterial } from '../common/tls';
import type { IdentityApp, IdentityEmulatorOptions } from './config';
import { DEFAULT_TENANTS, SANDBOX_APP } from './config';
import { FORM_CONTENT_TYPE, issuerFor, jwksUri, ROUTES, TOKEN_LIFETIME_SECONDS, tokenEndpoint } from './constants';
import { IdentityDirectory } from './directory';
import { AadError, aadErrors } from './errors';
import { instanceDiscovery, keys, openidConfiguration } from './handlers/metadata';
import { issueToken } from './handlers/token';
import { TokenSigner } from './signing';
import { parseDatasetName } from '../seed';

/**
 * The identity emulator: an https stand-in for login.microsoftonline.com's v2 endpoints (client credentials).
 * Pipeline: parse (form bodies) → faults/counters → dispatch → handler → JSON → AadError bodies.
 */
const BODY_LIMIT = 64 * 1024;

function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  if (!header || !header.toLowerCase().startsWith('basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 0) return undefined;
  try {
    // RFC 6749 §2.3.1: client id and secret are form-urlencoded before base64.
    return { clientId: decodeURIComponent(decoded.slice(0, sep)), clientSecret: decodeURIComponent(decoded.slice(sep + 1)) };
  } catch {
    return undefined;
  }
}

export class IdentityEmulator {
  private app?: FastifyInstance;
  private signer?: TokenSigner;
  private baseUrl?: string;
  readonly directory: IdentityDirectory;
  readonly faults: FaultInjector;
  readonly counters = new RequestCounters();
  private readonly logger: Logger;
  /** PEM of the CA that signed the server certificate; clients trust it. Set by start(). */
  caPem = '';
  /** `<dataDir>/ca.pem` when a data directory is used. */
  caPath?: string;

  constructor(private readonly options: IdentityEmulatorOptions = {}) {
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.directory = new IdentityDirectory({
      tenants: options.tenants ?? DEFAULT_TENANTS,
      apps: options.apps ?? [SANDBOX_APP],
      resources: options.resources,
    });
    this.faults = new FaultInjector({ latencyMs: options.latencyMs });
  }

  get url(): string {
    if (!this.baseUrl) throw new Error('The identity emulator is not started; call start() first.');
    return this.baseUrl;
  }

  issuer(tenant = DEFAULT_TENANTS[0].name): string {
    return issuerFor(this.url, tenant);
  }

  tokenUrl(tenant = DEFAULT_TENANTS[0].name): string {
    return tokenEndpoint(this.url, tenant);
  }

  jwksUrl(tenant = DEFAULT_TENANTS[0].name): string {
    return jwksUri(this.url, tenant);
  }

  /** The public JWKS (for in-process verifiers). */
  publicJwks(): { keys: object[] } {
    if (!this.signer) throw new Error('The identity emulator is not started; call start() first.');
    return this.signer.jwks();
  }

  addApp(app: IdentityApp): void {
    this.directory.addApp(app);
  }

  addResource(resource: string): void {
    this.directory.addResource(resource);
  }

  /** Mints a token without the HTTP round trip, e.g. an expired one for tests (`nowOffsetSeconds: -7200`). */
  async mintToken(opts: { audience: string; clientId?: string; tenant?: string; lifetimeSeconds?: number; nowOffsetSeconds?: number }): Promise<string> {
    if (!this.signer) throw new Error('The identity emulator is not started; call start() first.');
    const tenant = this.directory.tenant(opts.tenant ?? DEFAULT_TENANTS[0].name) ?? DEFAULT_TENANTS[0];
    const clientId = opts.clientId ?? SANDBOX_APP.clientId;
    const app = this.directory.app(clientId);
    const { token } = await this.signer.sign({
      issuer: issuerFor(this.url, tenant.name), audience: opts.audience, clientId, tenantId: tenant.id,
      objectId: app?.objectId ?? SANDBOX_APP.objectId as string, roles: app?.roles,
      lifetimeSeconds: opts.lifetimeSeconds ?? TOKEN_LIFETIME_SECONDS, nowOffsetSeconds: opts.nowOffsetSeconds,
    });
    return token;
  }

  async start(): Promise<{ url: string }> {
    if (this.app) return { url: this.url };
    const tls = await ensureTlsMaterial(this.options.dataDir);
    this.caPem = tls.caPem;
    this.caPath = tls.caPath;
    this.signer = await TokenSigner.create(this.options.dataDir);
    const app = Fastify({ https: { key: tls.keyPem, cert: tls.certPem }, loggerInstance: this.logger, bodyLimit: BODY_LIMIT });
    this.app = app as unknown as FastifyInstance;
    this.pipeline(this.app);
    const host = this.options.host ?? '127.0.0.1';
    await this.app.listen({ host, port: this.options.port ?? 0 });
    const port = (this.app.server.address() as AddressInfo).port;
    this.baseUrl = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return { url: this.baseUrl };
  }

  async close(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    if (app) await app.close();
  }

  private pipeline(app: FastifyInstance): void {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string' }, (_req, body, done) => done(null, new URLSearchParams(body as string)));
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      try {
        done(null, (body as string).length > 0 ? JSON.parse(body as string) : undefined);
      } catch {
        done(aadErrors.malformedBody('the JSON is not valid.'), undefined);
      }
    });
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    app.addHook('onRequest', async (request, reply) => {
      if (isAdminPath(request.url)) return;
      this.counters.record(request.method, request.url);
      const decision = this.faults.decide(request.method, request.url);
      if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      if (decision.status) {
        reply.header('Retry-After', String(decision.retryAfterSeconds ?? 1));
        return this.sendError(reply, aadErrors.transient(decision.status), request);
      }
    });

    registerAdminRoutes(app, {
      reset: () => undefined,
      seed: (dataset) => {
        parseDatasetName(dataset);
        return { identity: 'the identity emulator holds no seeded data' };
      },
      faults: this.faults,
      counters: this.counters,
    });

    app.post<{ Params: { tenant: string } }>(ROUTES.token, async (request, reply) => {
      const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
      const result = await issueToken(
        { tenant: request.params.tenant, form, basic: basicCredentials(request.headers.authorization) },
        { url: this.url, directory: this.directory, signer: this.signer as TokenSigner, lifetimeSeconds: this.options.tokenLifetimeSeconds ?? TOKEN_LIFETIME_SECONDS },
      );
      return reply.header('Cache-Control', 'no-store, no-cache').header('Pragma', 'no-cache').send(result);
    });
    app.get(ROUTES.token, async (request) => {
      throw aadErrors.methodNotAllowed(request.method);
    });
    app.get<{ Params: { tenant: string } }>(ROUTES.keys, async (request) =>
      keys(this.directory, request.params.tenant, this.publicJwks()));
    app.get<{ Params: { tenant: string } }>(ROUTES.openidConfiguration, async (request) =>
      openidConfiguration(this.url, this.directory, request.params.tenant));
    app.get<{ Querystring: { authorization_endpoint?: string } }>(ROUTES.instanceDiscovery, async (request) =>
      instanceDiscovery(this.url, this.directory, request.query.authorization_endpoint));

    app.setNotFoundHandler((request, reply) => this.sendError(reply, aadErrors.notFound(request.url.split('?')[0]), request));
    app.setErrorHandler((error, request, reply) => {
      if (error instanceof AadError) return this.sendError(reply, error, request);
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 413) return this.sendError(reply, aadErrors.bodyTooLarge(), request);
      if (status && status >= 400 && status < 500) return this.sendError(reply, aadErrors.malformedBody((error as Error).message), request);
      this.logger.error({ err: error }, 'identity emulator: unexpected error');
      return this.sendError(reply, aadErrors.internal(), request);
    });
  }

  private sendError(reply: FastifyReply, error: AadError, request: FastifyRequest): FastifyReply {
    const correlation = request.headers['client-request-id'];
    const body = error.body(typeof correlation === 'string' ? correlation : undefined);
    return reply.code(error.status).header('Cache-Control', 'no-store, no-cache').type('application/json; charset=utf-8').send(body);
  }
}
