/**
 * The message pipeline and units of work. A unit of work is one transaction of the store under
 * the write lock (a single write request, a changeset, a *Multiple request, an action): 'pre'
 * handlers run inside it and a throw rolls it back; 'post' handlers run after the commit,
 * unawaited. The write lock serializes units so that async 'pre' handlers (webhook calls) never
 * interleave two transactions on the one SQLite connection.
 */
import type { Logger } from 'pino';
import type { MessageContext, MessageHandler, MessageStage } from './extensibility';
import type { RecordStore } from './store/types';

export class WriteLock {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => { release = resolve; });
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

export class UnitOfWork {
  readonly posts: MessageContext[] = [];
}

export class MessagePipeline {
  private readonly handlers: Record<MessageStage, MessageHandler[]>;

  constructor(private readonly logger: Logger, handlers?: Record<MessageStage, MessageHandler[]>) {
    this.handlers = handlers ?? { pre: [], post: [] };
  }

  /**
   * The same pipeline without some stages, for `MSCRM.BypassCustomPluginExecution: true` (both) and
   * `MSCRM.BypassBusinessLogicExecution: CustomSync,CustomAsync` (PAD bypass-custom-business-logic.md).
   */
  without(stages: { pre?: boolean; post?: boolean }): MessagePipeline {
    if (!stages.pre && !stages.post) return this;
    return new MessagePipeline(this.logger, { pre: stages.pre ? [] : this.handlers.pre, post: stages.post ? [] : this.handlers.post });
  }

  on(stage: MessageStage, handler: MessageHandler): () => void {
    this.handlers[stage].push(handler);
    return () => {
      const list = this.handlers[stage];
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** True when any handler is registered (callers skip building message contexts otherwise). */
  get active(): boolean {
    return this.handlers.pre.length > 0 || this.handlers.post.length > 0;
  }

  /** Runs the 'pre' handlers in registration order and queues the 'post' stage on the unit. */
  async run(unit: UnitOfWork, ctx: Omit<MessageContext, 'stage'>): Promise<void> {
    for (const handler of this.handlers.pre) await handler({ ...ctx, stage: 'pre' });
    if (this.handlers.post.length > 0) unit.posts.push({ ...ctx, stage: 'post' });
  }

  firePost(messages: MessageContext[]): void {
    for (const message of messages) {
      for (const handler of this.handlers.post) {
        Promise.resolve()
          .then(() => handler(message))
          .catch((err: unknown) => this.logger.warn({ err, message: message.message, correlationId: message.correlationId }, 'post-operation handler failed'));
      }
    }
  }
}

/** Runs `fn` in a unit of work: BEGIN under the write lock, COMMIT on success, ROLLBACK on a throw. */
export async function runInUnit<T>(
  deps: { store: RecordStore; lock: WriteLock; pipeline: MessagePipeline },
  current: UnitOfWork | undefined,
  fn: (unit: UnitOfWork) => Promise<T>,
): Promise<T> {
  if (current) return fn(current);
  const release = await deps.lock.acquire();
  const unit = new UnitOfWork();
  deps.store.begin();
  let result: T;
  try {
    result = await fn(unit);
    deps.store.commit();
  } catch (err) {
    deps.store.rollback();
    release();
    throw err;
  }
  release();
  deps.pipeline.firePost(unit.posts);
  return result;
}
