/** What a handler gets: the ports of the emulator plus the caller and the request's unit of work. */
import type { Logger } from 'pino';
import type { ActionHandler } from './extensibility';
import type { MessagePipeline, UnitOfWork, WriteLock } from './pipeline';
import type { SchemaRegistry } from './schema/registry';
import type { RecordStore } from './store/types';

export interface ServiceContext {
  schema: SchemaRegistry;
  store: RecordStore;
  pipeline: MessagePipeline;
  lock: WriteLock;
  actions: Map<string, ActionHandler>;
  logger: Logger;
  /** `http://127.0.0.1:7071` (no trailing slash). */
  baseUrl: string;
  /** `/api/data/v9.2` as addressed by the request (v9.0 and v9.1 work too). */
  apiPath: string;
  caller: string;
  correlationId: string;
  depth: number;
  /** The open unit of work inside a changeset / *Multiple request. */
  unit?: UnitOfWork;
  /** True for the parts of a `$batch` (no nesting). */
  inBatch?: boolean;
  /** Content-ID → entity URL, inside a changeset. */
  contentIds?: Map<string, string>;
}

export function serviceRoot(ctx: ServiceContext): string {
  return `${ctx.baseUrl}${ctx.apiPath}`;
}

export function metadataUrl(ctx: ServiceContext): string {
  return `${serviceRoot(ctx)}/$metadata`;
}
