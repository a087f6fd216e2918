import type { FastifyInstance } from 'fastify';
import type { ReadinessPort } from '../ports';

export function registerHealthRoutes(app: FastifyInstance, readiness: ReadinessPort): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const result = await readiness.check();
    return reply.code(result.ok ? 200 : 503).send({ status: result.ok ? 'ready' : 'not ready', checks: result.checks });
  });
}
