import { z } from 'zod';
import type { SyncRequestItem, SyncTrigger } from './ports';

/** Message names the bridge accepts from Dataverse webhook steps. */
export const SYNC_NOW_MESSAGE = 'psafo_SyncNow';
export const LIVE_MESSAGES = ['Create', 'Update'] as const;

export const PRIORITY = { SyncNow: 10, Live: 5, Manual: 5, Schedule: 1 } as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 250;

const parameter = z.object({ key: z.string(), value: z.unknown() });

/** The part of a RemoteExecutionContext the bridge reads; everything else is ignored. */
const remoteExecutionContext = z.object({
  MessageName: z.string().min(1),
  PrimaryEntityName: z.string().optional().nullable(),
  PrimaryEntityId: z.string().optional().nullable(),
  RequestId: z.string().optional().nullable(),
  OperationId: z.string().optional().nullable(),
  CorrelationId: z.string().optional().nullable(),
  Depth: z.number().int().optional(),
  InputParameters: z.array(parameter).optional().nullable(),
});

export type WebhookOutcome =
  | { kind: 'sync'; items: SyncRequestItem[] }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; message: string };

export interface WebhookParseOptions {
  /** Table logical names the templates sync. */
  syncable: ReadonlySet<string>;
  /** Correlation id to use when the delivery carries none. */
  fallbackCorrelationId: string;
}

/** Turns a webhook body into queue items, or says precisely why it cannot. Pure. */
export function parseWebhookDelivery(body: unknown, options: WebhookParseOptions): WebhookOutcome {
  const parsed = remoteExecutionContext.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { kind: 'invalid', message: `Not a RemoteExecutionContext: ${first.path.join('.') || 'body'}: ${first.message}` };
  }
  const ctx = parsed.data;
  const correlationId = ctx.CorrelationId || options.fallbackCorrelationId;
  const deliveryId = ctx.RequestId || ctx.OperationId || undefined;
  const params = new Map((ctx.InputParameters ?? []).map((p) => [p.key, p.value]));

  if (ctx.MessageName === SYNC_NOW_MESSAGE) {
    const entity = params.get('EntityLogicalName');
    if (typeof entity !== 'string' || entity.length === 0) return { kind: 'invalid', message: 'psafo_SyncNow needs the EntityLogicalName parameter' };
    const ids = readIds(params.get('RecordIds'));
    if (typeof ids === 'string') return { kind: 'invalid', message: ids };
    return syncRequestItems(entity, ids, 'SyncNow', { correlationId, deliveryId }, options);
  }
  if ((LIVE_MESSAGES as readonly string[]).includes(ctx.MessageName)) {
    if (!ctx.PrimaryEntityName || !ctx.PrimaryEntityId) return { kind: 'invalid', message: `${ctx.MessageName} delivery without PrimaryEntityName/PrimaryEntityId` };
    return syncRequestItems(ctx.PrimaryEntityName, [ctx.PrimaryEntityId], 'Live', { correlationId, deliveryId }, options);
  }
  return { kind: 'ignored', reason: `Message ${ctx.MessageName} is not synced; register steps for Create, Update and psafo_SyncNow only` };
}

function readIds(raw: unknown): string[] | string {
  let value = raw;
  if (typeof value === 'string') {
    const text = value.trim();
    value = text.startsWith('[') ? safeJson(text) : text.split(',').map((s) => s.trim()).filter(Boolean);
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'psafo_SyncNow needs RecordIds as an array of GUID strings';
  return value as string[];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Validates a table and its record ids and builds one queue item per distinct id. Pure. */
export function syncRequestItems(
  entity: string,
  ids: readonly string[],
  trigger: SyncTrigger,
  meta: { correlationId: string; deliveryId?: string },
  options: Pick<WebhookParseOptions, 'syncable'>,
): WebhookOutcome {
  if (!options.syncable.has(entity)) {
    return { kind: 'invalid', message: `Table ${entity} is not synced; syncable tables: ${[...options.syncable].sort().join(', ')}` };
  }
  if (ids.length === 0 || ids.length > MAX_IDS) return { kind: 'invalid', message: `RecordIds must hold 1 to ${MAX_IDS} ids, got ${ids.length}` };
  const bad = ids.find((id) => !GUID.test(id.replace(/^\{|\}$/g, '')));
  if (bad !== undefined) return { kind: 'invalid', message: `Not a GUID: ${bad.slice(0, 60)}` };
  const unique = [...new Set(ids.map((id) => id.replace(/^\{|\}$/g, '').toLowerCase()))];
  return {
    kind: 'sync',
    items: unique.map((id, i) => ({
      entity,
      id,
      trigger,
      priority: PRIORITY[trigger],
      correlationId: meta.correlationId,
      deliveryId: meta.deliveryId ? (unique.length > 1 ? `${meta.deliveryId}:${i}` : meta.deliveryId) : undefined,
    })),
  };
}
