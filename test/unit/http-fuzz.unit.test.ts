import fc from 'fast-check';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createBridgeHttp } from '../../bridge/http/server';
import type { SyncRequestItem } from '../../bridge/http/ports';

// Generated payloads against the webhook and the admin API: never a 5xx, the server keeps serving.
const KEY = 'fuzz-key';
const GUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(GUID),
    fc.constantFrom('Update', 'Create', 'psafo_SyncNow', 'Delete', 'msdyn_project', 'salesorder', 'EntityLogicalName', 'RecordIds'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('MessageName', 'PrimaryEntityName', 'PrimaryEntityId', 'InputParameters', 'key', 'value', 'RequestId', 'Depth', 'x'), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const contextLike = fc.record({
  MessageName: fc.oneof(fc.constantFrom('Update', 'Create', 'psafo_SyncNow', 'Delete'), fc.string()),
  PrimaryEntityName: fc.oneof(fc.constantFrom('msdyn_project', 'salesorder', 'contact'), fc.string(), fc.constant(null)),
  PrimaryEntityId: fc.oneof(fc.constant(GUID), fc.uuid(), fc.string()),
  RequestId: fc.oneof(fc.uuid(), fc.string(), fc.constant(null)),
  InputParameters: fc.oneof(
    fc.array(fc.record({ key: fc.constantFrom('EntityLogicalName', 'RecordIds', 'Target'), value: jsonish }), { maxLength: 3 }),
    jsonish,
  ),
}, { requiredKeys: [] });

describe('fuzzing the bridge endpoints', () => {
  let app: FastifyInstance;
  let enqueued: SyncRequestItem[] = [];

  beforeAll(async () => {
    app = createBridgeHttp({
      logger: pino({ level: 'silent' }),
      queue: { enqueue: async (items) => { enqueued = enqueued.concat(items); return { queued: items.length, duplicates: 0 }; } },
      admin: { status: async () => undefined, listRuns: async () => [], getRun: async () => undefined, retryFailed: async () => undefined },
      readiness: { check: async () => ({ ok: true, checks: {} }) },
      webhookKey: KEY,
      bearer: async (h) => (h === 'Bearer ok' ? { ok: true, claims: {} } : { ok: false, reason: 'no' }),
      syncable: new Set(['msdyn_project', 'salesorder']),
      rateLimit: { ratePerSecond: 1e9, burst: 1e9 },
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('webhook: 1,000 generated deliveries never yield a 5xx and only valid ones are queued', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(contextLike, jsonish), fc.boolean(), fc.boolean(), async (body, withKey, raw) => {
        const payload = raw ? JSON.stringify(body).slice(0, Math.max(1, JSON.stringify(body).length - 1)) : JSON.stringify(body);
        const before = enqueued.length;
        const res = await app.inject({ method: 'POST', url: '/dataverse/webhook', headers: { 'content-type': 'application/json', ...(withKey ? { 'x-psafo-key': KEY } : {}) }, payload });
        expect(res.statusCode).toBeLessThan(500);
        if (!withKey) expect(res.statusCode).toBe(401);
        for (const item of enqueued.slice(before)) {
          expect(['msdyn_project', 'salesorder']).toContain(item.entity);
          expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
        }
      }),
      { numRuns: 1000 },
    );
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });

  it('admin API: 1,000 generated requests never yield a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.oneof(fc.constantFrom('/api/sync', '/api/runs', '/api/runs/abc', '/api/runs/abc/retry-failed', `/api/status/msdyn_project/${GUID}`), fc.string().map((s) => `/api/${encodeURIComponent(s)}`), fc.webPath().map((p) => `/api${p}`)),
        jsonish,
        fc.oneof(fc.constant('Bearer ok'), fc.string()),
        async (method, url, body, authorization) => {
          const res = await app.inject({ method: method as 'GET', url, headers: { authorization, 'content-type': 'application/json' }, payload: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body) });
          expect(res.statusCode).toBeLessThan(500);
          const known = /^\/api\/(sync|runs|status)\b/.test(url); // never served without a valid token
          if (authorization !== 'Bearer ok' && known) expect(res.statusCode).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
