import type { FastifyReply } from 'fastify';

/** Every error answer of the bridge has this body: a stable code, a message that says what to do. */
export interface BridgeErrorBody {
  error: { code: string; message: string; correlationId: string };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: BridgeErrorBody = { error: { code, message, correlationId: String(reply.request.id) } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
