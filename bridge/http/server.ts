import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AdminPorts, LandingPort, ReadinessPort, SyncQueuePort } from './ports';
import type { BearerCheck } from './bearer';
import { createRateLimiter } from './rate-limit';
import { registerWebhookRoute } from './routes/webhook';
import { registerAdminRoutes } from './routes/admin';
import { registerHealthRoutes } from './routes/health';
import { registerLandingRoutes } from './routes/landing';
import { sendError } from './errors';

export interface BridgeHttpOptions {
  logger: FastifyBaseLogger;
  queue: SyncQueuePort;
  admin: AdminPorts;
  readiness: ReadinessPort;
  /** The shared key Dataverse sends in `x-psafo-key` (from PSAFO_WEBHOOK_KEY). */
  webhookKey: string;
  bearer: BearerCheck;
  /** Table logical names the templates sync. */
  syncable: ReadonlySet<string>;
  bodyLimitBytes?: number;
  rateLimit?: { ratePerSecond: number; burst: number };
  /** Sandbox only: the HTML landing page at `/` and the F&O table views (routes/landing.ts). */
  landing?: LandingPort;
}

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Builds the bridge's HTTP service. The caller listens and closes it. */
export function createBridgeHttp(options: BridgeHttpOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    genReqId: (req) => {
      const header = req.headers['x-ms-correlation-request-id'];
      return typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
    },
    return503OnClosing: true,
  });
  const limit = createRateLimiter(options.rateLimit ?? { ratePerSecond: 200, burst: 400 });

  app.addHook('onRequest', async (req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    reply.header('x-correlation-id', req.id);
    if (req.method === 'OPTIONS') return sendError(reply, 405, 'MethodNotAllowed', 'Cross-origin requests are not served');
    const decision = limit(req.ip);
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return sendError(reply, 429, 'TooManyRequests', `Too many requests from this caller; retry after ${decision.retryAfterSeconds} s`);
    }
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string; message?: string }, req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    const message = status === 500 ? 'The bridge could not process the request; see its log for the correlation id' : (err.message ?? 'Bad request');
    return sendError(reply, status, status === 500 ? 'InternalError' : (err.code ?? 'BadRequest'), message);
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'NotFound', `No route ${req.method} ${req.url.split('?')[0]}`));

  registerHealthRoutes(app, options.readiness);
  registerWebhookRoute(app, options);
  registerAdminRoutes(app, options);
  if (options.landing) registerLandingRoutes(app, options.landing, options.admin);
  return app;
}
