/**
 * Fires webhook steps from the core's message pipeline. Synchronous steps run in the 'pre'
 * handler (inside the operation's transaction): a failed delivery throws, so the calling request
 * fails with the endpoint's answer and the write is rolled back. Asynchronous steps run in the
 * 'post' handler after the commit, never fail the caller and leave a System Job
 * (`asyncoperations`) with the outcome.
 */
import type { Logger } from 'pino';
import type { MessageContext, RecordData, RecordStore } from '../../extensibility';
import type { SchemaRegistry } from '../../schema/registry';
import { AsyncOperationState, AsyncOperationStatus, AsyncOperationType, EntityMessage, StepMode, StepStage, WEBHOOK_MAX_BODY_BYTES, WebhookHeader } from '../constants';
import { platformErrors } from '../errors';
import { isoNow, newId, type RowWriter } from '../rows';
import { webhookAuth } from './auth';
import { buildRemoteExecutionContext, EMPTY_GUID, serializeContext, type EntitySnapshot } from './context';
import { deliverWebhook, type DeliveryOutcome } from './deliver';
import { describeFromSchema } from './describe';
import { matchSteps, type StepRow } from './match';
import { readEndpoint, readImages, readSteps } from './steps';

export interface OrganizationInfo { organizationId: string; organizationName: string; businessUnitId: string; domain: string }

export interface DispatcherDeps {
  store: RecordStore;
  schema: SchemaRegistry;
  rows: RowWriter;
  logger: Logger;
  organization: () => OrganizationInfo;
  now?: () => Date;
  timeoutMs?: number;
}

const STEP_TABLES = new Set(['sdkmessageprocessingstep', 'sdkmessageprocessingstepimage', 'serviceendpoint', 'sdkmessage', 'sdkmessagefilter']);
const CACHE_MS = 1000;
/** Asynchronous deliveries in flight at once (the async service works a queue, not a burst). */
const ASYNC_CONCURRENCY = 8;

function pick(data: RecordData | undefined, attributes: string[]): RecordData {
  if (!data) return {};
  if (attributes.length === 0) return { ...data };
  return Object.fromEntries(Object.entries(data).filter(([k]) => attributes.includes(k) || attributes.some((a) => k === `${a}@target`)));
}

export class WebhookDispatcher {
  private cache?: { at: number; steps: StepRow[] };
  private readonly pending = new Set<Promise<void>>();
  private running = 0;
  private readonly stopping = new AbortController();
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly deps: DispatcherDeps) {}

  private now(): Date { return this.deps.now?.() ?? new Date(); }

  private steps(): StepRow[] {
    const t = Date.now();
    if (!this.cache || t - this.cache.at > CACHE_MS) this.cache = { at: t, steps: readSteps(this.deps.store) };
    return this.cache.steps;
  }

  invalidate(): void { this.cache = undefined; }

  /** Webhook timeout (60 s by default, as the real service); tests shorten it. */
  setTimeout(ms: number | undefined): void { this.deps.timeoutMs = ms; }

  /** 'pre' pipeline handler: synchronous steps. */
  async onPre(ctx: MessageContext): Promise<void> {
    if (STEP_TABLES.has(ctx.entityLogicalName)) { this.invalidate(); return; }
    const steps = matchSteps(this.steps(), this.occurrence(ctx), [StepStage.PreValidation, StepStage.PreOperation, StepStage.PostOperation], StepMode.Synchronous);
    for (const step of steps) {
      const outcome = await this.deliver(step, ctx, newId());
      if (outcome && !outcome.ok) {
        const endpoint = readEndpoint(this.deps.store, step.serviceEndpointId);
        throw platformErrors.stepFailed(endpoint?.name ?? step.name, outcome.status !== undefined ? `HTTP ${outcome.status}: ${outcome.detail}` : outcome.detail);
      }
    }
  }

  /** 'post' pipeline handler: asynchronous steps, each recorded as a System Job. */
  onPost(ctx: MessageContext): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    if (STEP_TABLES.has(ctx.entityLogicalName)) { this.invalidate(); return Promise.resolve(); }
    const steps = matchSteps(this.steps(), this.occurrence(ctx), [StepStage.PostOperation], StepMode.Asynchronous);
    const run = Promise.all(steps.map((s) => this.runAsync(s, ctx))).then(() => undefined);
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
    return run;
  }

  /** Shutdown: abandons queued and in-flight deliveries; nothing is written to the store afterwards. */
  stop(): void {
    this.stopping.abort();
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Resolves once every asynchronous delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private occurrence(ctx: MessageContext) {
    return { messageName: ctx.message, entityLogicalName: ctx.entityLogicalName || 'none', changedAttributes: Object.keys(ctx.target ?? {}) };
  }

  private async slot(): Promise<() => void> {
    if (this.running >= ASYNC_CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    return () => {
      this.running -= 1;
      this.waiting.shift()?.();
    };
  }

  /** A System Job waits (statuscode 0) until one of the async slots is free, then runs (20) and completes (30/31). */
  private async runAsync(step: StepRow, ctx: MessageContext): Promise<void> {
    const jobId = newId();
    this.deps.rows.insert('asyncoperation', {
      name: step.name, operationtype: AsyncOperationType.SystemEvent, statecode: AsyncOperationState.Ready, statuscode: AsyncOperationStatus.WaitingForResources,
      correlationid: ctx.correlationId, requestid: ctx.operationId, primaryentitytype: ctx.entityLogicalName || 'none',
      regardingobjectid: ctx.id || null, owningextensionid: step.id, depth: ctx.depth, messagename: ctx.message, retrycount: 0,
    }, jobId);
    const release = await this.slot();
    try {
      await this.runAsyncJob(step, ctx, jobId);
    } finally {
      release();
    }
  }

  private async runAsyncJob(step: StepRow, ctx: MessageContext, jobId: string): Promise<void> {
    const { store } = this.deps;
    if (this.stopping.signal.aborted || !store.get('asyncoperation', jobId)) return;
    store.update('asyncoperation', jobId, { statecode: AsyncOperationState.Locked, statuscode: AsyncOperationStatus.InProgress, startedon: isoNow(this.now()) });
    let outcome: DeliveryOutcome | undefined;
    try {
      outcome = await this.deliver(step, ctx, jobId);
    } catch (err) {
      outcome = { ok: false, attempts: 1, detail: (err as Error).message };
    }
    const ok = outcome?.ok ?? false;
    if (this.stopping.signal.aborted || !store.get('asyncoperation', jobId)) return; // removed meanwhile (reset, or a rolled-back unit it was written into)
    if (ok && step.asyncAutoDelete) { store.delete('asyncoperation', jobId); return; }
    store.update('asyncoperation', jobId, {
      statecode: AsyncOperationState.Completed,
      statuscode: ok ? AsyncOperationStatus.Succeeded : AsyncOperationStatus.Failed,
      completedon: isoNow(this.now()), modifiedon: isoNow(this.now()),
      message: ok ? null : outcome?.detail ?? 'The webhook endpoint was not found.',
      friendlymessage: ok ? null : `Webhook step '${step.name}' failed${outcome?.status ? ` with HTTP ${outcome.status}` : ''}.`,
      errorcode: ok ? null : -2147220891, retrycount: (outcome?.attempts ?? 1) - 1,
    });
    if (!ok) this.deps.logger.warn({ step: step.name, status: outcome?.status, correlationId: ctx.correlationId }, 'asynchronous webhook step failed');
  }

  private objectIdOf(systemUserId: string): string | undefined {
    const oid = this.deps.store.get('systemuser', systemUserId)?.data.azureactivedirectoryobjectid;
    return typeof oid === 'string' ? oid : undefined;
  }

  private images(step: StepRow, ctx: MessageContext, entity: string, id: string) {
    const pre: Array<{ name: string; entity: EntitySnapshot }> = [];
    const post: Array<{ name: string; entity: EntitySnapshot }> = [];
    for (const img of readImages(this.deps.store, step.id)) {
      if ((img.imageType === 0 || img.imageType === 2) && ctx.preImage) pre.push({ name: img.alias, entity: { logicalName: entity, id, attributes: pick(ctx.preImage, img.attributes) } });
      if ((img.imageType === 1 || img.imageType === 2) && ctx.postImage) post.push({ name: img.alias, entity: { logicalName: entity, id, attributes: pick(ctx.postImage, img.attributes) } });
    }
    return { pre: pre[0], post: post[0] };
  }

  /** One delivery; undefined when the step's endpoint is gone or not a webhook. */
  private async deliver(step: StepRow, ctx: MessageContext, operationId: string): Promise<DeliveryOutcome | undefined> {
    const { store, schema } = this.deps;
    const endpoint = readEndpoint(store, step.serviceEndpointId);
    if (!endpoint) return undefined;
    const org = this.deps.organization();
    const entity = ctx.entityLogicalName || 'none';
    const isEntityMessage = ctx.message === EntityMessage.Create || ctx.message === EntityMessage.Update || ctx.message === EntityMessage.Delete;
    const table = isEntityMessage ? schema.byLogicalName(entity) : undefined;
    const id = ctx.id || EMPTY_GUID;
    const images = isEntityMessage ? this.images(step, ctx, entity, id) : { pre: undefined, post: undefined };
    const context = buildRemoteExecutionContext({
      messageName: ctx.message, primaryEntityName: entity, primaryEntityId: id, stage: step.stage, mode: step.mode, depth: ctx.depth,
      userId: ctx.caller, initiatingUserId: ctx.caller, userAzureObjectId: this.objectIdOf(ctx.caller), businessUnitId: org.businessUnitId, organizationId: org.organizationId,
      organizationName: org.organizationName, correlationId: ctx.correlationId, requestId: ctx.operationId, operationId,
      operationCreatedOn: this.now(),
      target: isEntityMessage ? { logicalName: entity, id, attributes: ctx.message === EntityMessage.Delete ? {} : { ...ctx.target, ...(table ? { [table.primaryId]: id } : {}) } } : undefined,
      targetIsReference: ctx.message === EntityMessage.Delete,
      inputParameters: isEntityMessage ? undefined : ctx.target,
      outputParameters: isEntityMessage ? undefined : ctx.output ?? undefined,
      preImage: images.pre, postImage: images.post,
      owningExtension: { id: step.id, name: step.name },
      describe: describeFromSchema(schema, { ...ctx.preImage, ...ctx.postImage }),
    });
    const { body, sizeExceeded } = serializeContext(context, WEBHOOK_MAX_BODY_BYTES);
    const headers: Record<string, string> = {
      [WebhookHeader.Organization]: org.domain,
      [WebhookHeader.EntityName]: entity,
      [WebhookHeader.RequestName]: ctx.message,
      [WebhookHeader.CorrelationId]: ctx.correlationId,
    };
    if (sizeExceeded) headers[WebhookHeader.MsgSizeExceeded] = 'true';
    const outcome = await deliverWebhook({ url: endpoint.url, body, headers, auth: webhookAuth(endpoint.authType, endpoint.authValue), timeoutMs: this.deps.timeoutMs, signal: this.stopping.signal });
    this.deps.logger.debug({ step: step.name, url: endpoint.url, ok: outcome.ok, status: outcome.status, attempts: outcome.attempts }, 'webhook delivered');
    return outcome;
  }
}
