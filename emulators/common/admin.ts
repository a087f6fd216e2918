import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestCounters } from './counters';
import { FaultConfigError, parseFaultProfile } from './faults';
import type { FaultInjector } from './faults';

/**
 * The `/_emulator/` admin routes shared by every emulator (DESIGN §4): reset, seed, faults, request counters.
 * No authentication; answered only to loopback callers. Bodies are JSON; errors are
 * `{"error":{"code":"...","message":"..."}}` with 400 (bad input) or 403 (not loopback).
 * Emulator-specific admin routes (F&O import-staging, post-journal) are registered by the emulator itself,
 * under the same prefix, and can use `isLoopback`.
 */
export const ADMIN_PREFIX = '/_emulator';

export interface AdminHooks {
  /** Empties the stores (and clears faults and counters, done by the helper). */
  reset(): Promise<void> | void;
  /** Loads a dataset by name (`demo`, `none`, `large:N`); throws SeedNameError-like errors with a `code` for bad names. */
  seed(dataset: string): Promise<unknown> | unknown;
  faults: FaultInjector;
  counters: RequestCounters;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(request: FastifyRequest): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '');
}

export function isAdminPath(url: string): boolean {
  return url === ADMIN_PREFIX || url.startsWith(`${ADMIN_PREFIX}/`);
}

function adminError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}

export function registerAdminRoutes(app: FastifyInstance, hooks: AdminHooks): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isAdminPath(request.url) && !isLoopback(request)) {
      return adminError(reply, 403, 'EmulatorAdminForbidden', 'The /_emulator/ endpoints answer loopback callers only.');
    }
  });

  app.post(`${ADMIN_PREFIX}/reset`, async (_request, reply) => {
    await hooks.reset();
    hooks.faults.clear();
    hooks.counters.reset();
    return reply.code(204).send();
  });

  app.post(`${ADMIN_PREFIX}/seed`, async (request, reply) => {
    const body = request.body as { dataset?: unknown } | undefined;
    const dataset = body && typeof body === 'object' ? body.dataset : undefined;
    if (typeof dataset !== 'string') {
      return adminError(reply, 400, 'EmulatorSeedInvalid', 'Send {"dataset":"demo"|"none"|"large:N"}.');
    }
    try {
      const result = await hooks.seed(dataset);
      return reply.code(200).send({ dataset, result: result ?? null });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SEED_')) {
        return adminError(reply, 400, code, (err as Error).message);
      }
      throw err;
    }
  });

  app.get(`${ADMIN_PREFIX}/faults`, async () => hooks.faults.profile());

  app.put(`${ADMIN_PREFIX}/faults`, async (request, reply) => {
    try {
      hooks.faults.applyProfile(parseFaultProfile(request.body));
    } catch (err) {
      if (err instanceof FaultConfigError) return adminError(reply, 400, err.code, err.message);
      throw err;
    }
    return reply.code(200).send(hooks.faults.profile());
  });

  app.get(`${ADMIN_PREFIX}/requests`, async () => hooks.counters.snapshot());

  app.delete(`${ADMIN_PREFIX}/requests`, async (_request, reply) => {
    hooks.counters.reset();
    return reply.code(204).send();
  });
}
