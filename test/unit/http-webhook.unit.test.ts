import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createBridgeHttp } from '../../bridge/http/server';
import type { AdminPorts, SyncRequestItem } from '../../bridge/http/ports';
import { parseWebhookDelivery } from '../../bridge/http/webhook-context';

const KEY = 'test-webhook-key-0123456789';
const PROJECT = '0f8fad5b-d9cb-469f-a165-70867728950e';
const syncable = new Set(['msdyn_project', 'salesorder']);

function updateContext(overrides: Record<string, unknown> = {}) {
  return {
    MessageName: 'Update',
    PrimaryEntityName: 'msdyn_project',
    PrimaryEntityId: PROJECT,
    RequestId: 'a3f1c2d4-0000-4000-8000-000000000001',
    CorrelationId: 'c0ffee00-0000-4000-8000-000000000001',
    Depth: 1,
    InputParameters: [{ key: 'Target', value: { LogicalName: 'msdyn_project', Id: PROJECT, Attributes: [] } }],
    ...overrides,
  };
}

describe('POST /dataverse/webhook', () => {
  let app: FastifyInstance;
  let queued: SyncRequestItem[][];

  beforeEach(async () => {
    queued = [];
    const admin: AdminPorts = {
      status: async () => undefined,
      listRuns: async () => [],
      getRun: async () => undefined,
      retryFailed: async () => undefined,
    };
    app = createBridgeHttp({
      logger: pino({ level: 'silent' }),
      queue: { enqueue: async (items) => { queued.push(items); return { queued: items.length, duplicates: 0 }; } },
      admin,
      readiness: { check: async () => ({ ok: true, checks: {} }) },
      webhookKey: KEY,
      bearer: async (h) => (h === 'Bearer good' ? { ok: true, claims: {} } : { ok: false, reason: 'A bearer token is required' }),
      syncable,
    });
    await app.ready();
  });
  afterEach(() => app.close());

  it('answers 401 and queues nothing without the key or with a wrong key', async () => {
    const none = await app.inject({ method: 'POST', url: '/dataverse/webhook', payload: updateContext() });
    const wrong = await app.inject({ method: 'POST', url: '/dataverse/webhook', headers: { 'x-psafo-key': KEY + 'x' }, payload: updateContext() });
    expect(none.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('Unauthorized');
    expect(queued).toHaveLength(0);
  });

  it('queues an Update delivery as a live sync of that record and answers 202', async () => {
    const res = await app.inject({ method: 'POST', url: '/dataverse/webhook', headers: { 'x-psafo-key': KEY }, payload: updateContext() });
    expect(res.statusCode).toBe(202);
    expect(queued).toEqual([[expect.objectContaining({ entity: 'msdyn_project', id: PROJECT, trigger: 'Live', deliveryId: 'a3f1c2d4-0000-4000-8000-000000000001' })]]);
  });

  it('queues psafo_SyncNow records ahead of live work', async () => {
    const body = updateContext({ MessageName: 'psafo_SyncNow', PrimaryEntityName: null, PrimaryEntityId: null,
      InputParameters: [{ key: 'EntityLogicalName', value: 'salesorder' }, { key: 'RecordIds', value: [PROJECT, PROJECT.toUpperCase()] }] });
    const res = await app.inject({ method: 'POST', url: '/dataverse/webhook', headers: { 'x-psafo-key': KEY }, payload: body });
    expect(res.statusCode).toBe(202);
    expect(queued[0]).toHaveLength(1);
    expect(queued[0][0]).toMatchObject({ entity: 'salesorder', trigger: 'SyncNow' });
    expect(queued[0][0].priority).toBeGreaterThan(parseLive().priority);
  });

  it('answers 400 with the reason for malformed JSON, a non-context body, an unknown table or a bad id', async () => {
    const cases = [
      { payload: '{"MessageName":', type: 'application/json' },
      { payload: JSON.stringify({ hello: 1 }), type: 'application/json' },
      { payload: JSON.stringify(updateContext({ PrimaryEntityName: 'contact' })), type: 'application/json' },
      { payload: JSON.stringify(updateContext({ PrimaryEntityId: 'not-a-guid' })), type: 'application/json' },
    ];
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/dataverse/webhook', headers: { 'x-psafo-key': KEY, 'content-type': c.type }, payload: c.payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toEqual(expect.any(String));
    }
    expect(queued).toHaveLength(0);
  });

  it('ignores messages it does not sync with a 202 that says so', async () => {
    const res = await app.inject({ method: 'POST', url: '/dataverse/webhook', headers: { 'x-psafo-key': KEY }, payload: updateContext({ MessageName: 'Delete' }) });
    expect(res.statusCode).toBe(202);
    expect(res.json().ignored).toMatch(/Delete is not synced/);
    expect(queued).toHaveLength(0);
  });

  it('POST /api/sync queues the records as a manual sync, and refuses an unknown table with the reason', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/sync', headers: { authorization: 'Bearer good' }, payload: { entity: 'msdyn_project', ids: [PROJECT] } });
    expect(ok.statusCode).toBe(202);
    expect(queued).toEqual([[expect.objectContaining({ entity: 'msdyn_project', id: PROJECT, trigger: 'Manual', deliveryId: undefined })]]);
    const bad = await app.inject({ method: 'POST', url: '/api/sync', headers: { authorization: 'Bearer good' }, payload: { entity: 'contact', ids: [PROJECT] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/contact is not synced/);
    expect(queued).toHaveLength(1);
  });

  it('protects the admin API with a bearer token and sets security headers', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/runs' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/Bearer/);
    const ok = await app.inject({ method: 'GET', url: '/api/runs', headers: { authorization: 'Bearer good' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });
});

function parseLive() {
  const outcome = parseWebhookDelivery(updateContext(), { syncable, fallbackCorrelationId: 'x' });
  if (outcome.kind !== 'sync') throw new Error('expected a sync outcome');
  return outcome.items[0];
}
