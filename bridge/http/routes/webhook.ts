import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BridgeHttpOptions } from '../server';
import { sharedKeyMatches } from '../shared-key';
import { parseWebhookDelivery } from '../webhook-context';
import { sendError } from '../errors';

export const WEBHOOK_KEY_HEADER = 'x-psafo-key';

/** POST /dataverse/webhook: authenticate, parse the RemoteExecutionContext, queue durably, 202. */
export function registerWebhookRoute(app: FastifyInstance, options: BridgeHttpOptions): void {
  // The key is checked on request, before the body is even parsed.
  const onRequest = async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers[WEBHOOK_KEY_HEADER];
    if (!sharedKeyMatches(typeof key === 'string' ? key : undefined, options.webhookKey)) {
      return sendError(reply, 401, 'Unauthorized', `Missing or wrong ${WEBHOOK_KEY_HEADER} header; register the webhook with the key from the bridge configuration`);
    }
  };
  app.post('/dataverse/webhook', { onRequest }, async (req, reply) => {
    const outcome = parseWebhookDelivery(req.body, { syncable: options.syncable, fallbackCorrelationId: String(req.id) });
    if (outcome.kind === 'invalid') return sendError(reply, 400, 'InvalidDelivery', outcome.message);
    if (outcome.kind === 'ignored') return reply.code(202).send({ queued: 0, ignored: outcome.reason });
    const result = await options.queue.enqueue(outcome.items);
    req.log.info({ entity: outcome.items[0].entity, count: outcome.items.length, trigger: outcome.items[0].trigger, ...result }, 'webhook delivery queued');
    return reply.code(202).send(result);
  });
}
