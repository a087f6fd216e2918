import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseFaultProfile, FaultConfigError, type FaultInjector } from '../../common/faults';
import type { RequestCounters } from '../../common/counters';
import { ADMIN_PATH } from '../constants';

/** What the admin routes drive; the emulator implements it (thin adapter, no business branching here). */
export interface AdminPort {
  faults: FaultInjector;
  counters: RequestCounters;
  reset(): void;
  seedDataset(name: string): Promise<{ records: number }>;
  importStaging(dataAreaId?: string): unknown;
  postJournal(opts: { dataAreaId?: string; journalId?: string }): unknown;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

function jsonBody(request: FastifyRequest): Record<string, unknown> {
  const raw = typeof request.body === 'string' ? request.body.trim() : '';
  if (raw === '') return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null) throw new FaultConfigError('The body must be a JSON object or array.');
  return parsed as Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new FaultConfigError(`${name} must be a string.`);
  return v;
}

async function guard(request: FastifyRequest, reply: FastifyReply, fn: () => unknown | Promise<unknown>): Promise<void> {
  if (!LOOPBACK.test(request.socket.remoteAddress ?? '')) {
    await reply.code(403).send({ error: 'The /_emulator/ endpoints answer loopback callers only.' });
    return;
  }
  try {
    const result = await fn();
    if (result === undefined) await reply.code(204).send();
    else await reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(result));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify({ error: message }));
  }
}

/** `/_emulator/` endpoints: reset, seed, faults, request counters, import-staging, post-journal. */
export function registerAdminRoutes(app: FastifyInstance, port: AdminPort): void {
  app.post(`${ADMIN_PATH}/reset`, (req, reply) => guard(req, reply, () => port.reset()));
  app.post(`${ADMIN_PATH}/seed`, (req, reply) =>
    guard(req, reply, () => {
      const dataset = optionalString(jsonBody(req), 'dataset');
      if (!dataset) throw new FaultConfigError('Send {"dataset": "demo" | "none" | "large:N"}.');
      return port.seedDataset(dataset);
    }),
  );
  app.get(`${ADMIN_PATH}/faults`, (req, reply) => guard(req, reply, () => port.faults.profile()));
  app.put(`${ADMIN_PATH}/faults`, (req, reply) =>
    guard(req, reply, () => {
      const raw = typeof req.body === 'string' && req.body.trim() !== '' ? (JSON.parse(req.body) as unknown) : [];
      port.faults.applyProfile(parseFaultProfile(raw));
      return port.faults.profile();
    }),
  );
  app.get(`${ADMIN_PATH}/requests`, (req, reply) => guard(req, reply, () => port.counters.snapshot()));
  app.delete(`${ADMIN_PATH}/requests`, (req, reply) => guard(req, reply, () => port.counters.reset()));
  app.post(`${ADMIN_PATH}/import-staging`, (req, reply) =>
    guard(req, reply, () => ({ companies: port.importStaging(optionalString(jsonBody(req), 'dataAreaId')) })),
  );
  app.post(`${ADMIN_PATH}/post-journal`, (req, reply) =>
    guard(req, reply, () => {
      const body = jsonBody(req);
      return { journals: port.postJournal({ dataAreaId: optionalString(body, 'dataAreaId'), journalId: optionalString(body, 'journalId') }) };
    }),
  );
}
