import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { BridgeHttpOptions } from '../server';
import { sendError } from '../errors';
import { syncRequestItems } from '../webhook-context';

const syncBody = z.object({ entity: z.string().min(1).max(64), ids: z.array(z.string().max(40)).min(1).max(250) });
const NAME = /^[a-z_][a-z0-9_]{0,63}$/;
const RUN_ID = /^[\w-]{1,64}$/;

/** The admin API under /api: bearer JWT on every route. */
export function registerAdminRoutes(app: FastifyInstance, options: BridgeHttpOptions): void {
  app.register(async (api) => {
    api.addHook('onRequest', async (req, reply) => {
      const result = await options.bearer(req.headers.authorization);
      if (!result.ok) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        return sendError(reply, 401, 'Unauthorized', result.reason);
      }
    });

    api.post('/sync', async (req, reply) => {
      const body = syncBody.safeParse(req.body);
      if (!body.success) return sendError(reply, 400, 'InvalidRequest', 'Send {"entity": "<table logical name>", "ids": ["<guid>", ...]} with 1 to 250 ids');
      const outcome = syncRequestItems(body.data.entity, body.data.ids, 'Manual', { correlationId: String(req.id) }, options);
      if (outcome.kind !== 'sync') return sendError(reply, 400, 'InvalidRequest', outcome.kind === 'invalid' ? outcome.message : outcome.reason);
      return reply.code(202).send(await options.queue.enqueue(outcome.items));
    });

    api.get<{ Params: { entity: string; id: string } }>('/status/:entity/:id', async (req, reply) => {
      const { entity, id } = req.params;
      if (!NAME.test(entity)) return sendError(reply, 400, 'InvalidRequest', 'The entity must be a table logical name');
      const status = await options.admin.status(entity, id.toLowerCase());
      return status ?? sendError(reply, 404, 'NotFound', `No sync status for ${entity} ${id}`);
    });

    api.get<{ Querystring: { top?: string } }>('/runs', async (req) => {
      const top = Math.min(Math.max(Number.parseInt(req.query.top ?? '50', 10) || 50, 1), 500);
      return { value: await options.admin.listRuns(top) };
    });

    api.get<{ Params: { id: string } }>('/runs/:id', async (req, reply) => {
      if (!RUN_ID.test(req.params.id)) return sendError(reply, 400, 'InvalidRequest', 'Not a run id');
      const run = await options.admin.getRun(req.params.id);
      return run ?? sendError(reply, 404, 'NotFound', `No run ${req.params.id}`);
    });

    api.post<{ Params: { id: string } }>('/runs/:id/retry-failed', async (req, reply) => {
      if (!RUN_ID.test(req.params.id)) return sendError(reply, 400, 'InvalidRequest', 'Not a run id');
      const result = await options.admin.retryFailed(req.params.id);
      return result ? reply.code(202).send(result) : sendError(reply, 404, 'NotFound', `No run ${req.params.id}`);
    });
  }, { prefix: '/api' });
}
