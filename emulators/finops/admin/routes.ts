import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_PREFIX, registerAdminRoutes as registerCommonAdminRoutes, type AdminHooks } from '../../common/admin';

/**
 * `/_emulator/` endpoints: the shared ones (reset, seed, faults, requests: emulators/common/admin.ts, which
 * also answers non-loopback callers with 403) plus F&O's import-staging and post-journal.
 * Thin adapter: the work is in admin/import-staging.ts and admin/post-journal.ts.
 */
export interface FinOpsAdminHooks extends AdminHooks {
  importStaging(dataAreaId?: string): unknown;
  postJournal(opts: { dataAreaId?: string; journalId?: string }): unknown;
}

export class AdminInputError extends Error {
  readonly code = 'EmulatorAdminInvalid';
}

function optionalString(body: unknown, name: string): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) throw new AdminInputError('The body must be a JSON object.');
  const v = (body as Record<string, unknown>)[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new AdminInputError(`${name} must be a string.`);
  return v;
}

async function answer(reply: FastifyReply, fn: () => unknown): Promise<void> {
  try {
    await reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(fn()));
  } catch (err) {
    const code = err instanceof AdminInputError ? err.code : 'EmulatorAdminFailed';
    await reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify({ error: { code, message: err instanceof Error ? err.message : String(err) } }));
  }
}

export function registerFinOpsAdminRoutes(app: FastifyInstance, hooks: FinOpsAdminHooks): void {
  registerCommonAdminRoutes(app, hooks);
  app.post(`${ADMIN_PREFIX}/import-staging`, (req: FastifyRequest, reply) =>
    answer(reply, () => ({ companies: hooks.importStaging(optionalString(req.body, 'dataAreaId')) })),
  );
  app.post(`${ADMIN_PREFIX}/post-journal`, (req: FastifyRequest, reply) =>
    answer(reply, () => ({ journals: hooks.postJournal({ dataAreaId: optionalString(req.body, 'dataAreaId'), journalId: optionalString(req.body, 'journalId') }) })),
  );
}
