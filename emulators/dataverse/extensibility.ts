/**
 * Extension points of the Dataverse emulator, for the platform layer (`platform/`: ImportSolution,
 * Custom API execution, webhooks, web resource serving) and for tests. `DataverseEmulator`
 * (server.ts) implements `DataverseExtensions`; everything here is a type, so platform code can
 * depend on this file without importing the server.
 *
 * Contract:
 * - `registerAction(name, handler)`: unbound action `POST /api/data/v9.2/<name>` (also inside
 *   `$batch`). The handler returns the response properties (200 with
 *   `@odata.context: $metadata#Microsoft.Dynamics.CRM.<name>Response`) or `undefined` (204), or
 *   throws a `DataverseError` (errors.ts) that becomes the service's answer. The action also runs
 *   through the message pipeline with `message = name`.
 * - `onMessage(stage, handler)`: called for Create / Update / Delete (single requests, `$batch`
 *   parts, changesets, CreateMultiple / UpdateMultiple / UpsertMultiple items, upserts reported
 *   as Create or Update) and for registered actions.
 *   - 'pre' handlers run synchronously inside the operation's transaction, after the row is
 *     written (so `id` and `postImage` are known) and before the commit. A 'pre' handler that
 *     throws (or rejects) rolls the operation back and fails the request with that error: this is
 *     how a failing synchronous webhook step fails the calling request.
 *   - 'post' handlers run after the commit and are not awaited by the request (asynchronous
 *     steps); their failures are logged and ignored.
 *   Returns a function that removes the handler.
 * - `registerTable(def)`: adds (or replaces) a table at run time; it then appears in the service
 *   document and `$metadata` and is persisted with the data directory.
 * - `registerRoute(method, url, handler)`: a non-OData route on the same server, e.g.
 *   `GET /WebResources/*`. `url` is a fastify path pattern (`/WebResources/*`). Registered routes
 *   are authenticated like the Web API unless `{ auth: false }` is passed.
 * - `store`: the raw record store (no pipeline, no validation), `schema`: the table registry.
 */
import type { DataverseError, ErrorFactory } from './errors';
import type { TableDefinition } from './schema/types';
import type { RecordData, RecordStore } from './store/types';
import type { SchemaRegistry } from './schema/registry';

export type { TableDefinition, AttributeDefinition, AlternateKeyDefinition, AttributeType } from './schema/types';
export type { RecordData, RecordStore, StoredRecord } from './store/types';
export type { DataverseError } from './errors';

export interface ActionContext {
  /** Parsed JSON body (empty object when there was none). */
  body: Record<string, unknown>;
  /** Request headers, lower-case names. */
  headers: Record<string, string | undefined>;
  /** systemuserid of the caller (the application user of the token's appid/oid). */
  caller: string;
  store: RecordStore;
  schema: SchemaRegistry;
  correlationId: string;
  /** 1 for a call from a client. */
  depth: number;
}

export type ActionResult = Record<string, unknown> | undefined;
export type ActionHandler = (ctx: ActionContext) => ActionResult | Promise<ActionResult>;

export type MessageStage = 'pre' | 'post';

export interface MessageContext {
  stage: MessageStage;
  /** 'Create' | 'Update' | 'Delete' | an action name. */
  message: string;
  /** Table logical name; '' for unbound actions. */
  entityLogicalName: string;
  /** Row id; '' for unbound actions. */
  id: string;
  /** The changed columns as sent (canonical store form); action parameters for actions. */
  target: RecordData;
  /** Row before the operation (undefined for Create / actions). */
  preImage?: RecordData;
  /** Row after the operation (undefined for Delete / actions). */
  postImage?: RecordData;
  /** Action response (actions only, post stage). */
  output?: ActionResult;
  caller: string;
  depth: number;
  correlationId: string;
  /** Operation (request) id, unique per message execution. */
  operationId: string;
}

export type MessageHandler = (ctx: MessageContext) => void | Promise<void>;

export interface RouteRequest {
  method: string;
  /** Full request URL path and query, e.g. `/WebResources/psafo_/x.js?ver=1`. */
  url: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** systemuserid of the caller when the route is authenticated. */
  caller?: string;
}

export interface RouteReply {
  status: number;
  /** Headers to send; `undefined` values are skipped. */
  headers?: Record<string, string | undefined>;
  /** A string/Buffer is sent as is; anything else as JSON. */
  body?: unknown;
}

export type RouteHandler = (req: RouteRequest) => RouteReply | Promise<RouteReply>;

export interface RouteOptions {
  /** Default true: demand a bearer token for this emulator's audience. */
  auth?: boolean;
}

export interface DataverseExtensions {
  registerAction(name: string, handler: ActionHandler): void;
  onMessage(stage: MessageStage, handler: MessageHandler): () => void;
  registerTable(def: TableDefinition): void;
  registerRoute(method: string, url: string, handler: RouteHandler, options?: RouteOptions): void;
  readonly store: RecordStore;
  readonly schema: SchemaRegistry;
  /** The error factory: throw `errors.x(...)` from handlers to answer like the service. */
  readonly errors: ErrorFactory;
  /** Base URL once started (`http://127.0.0.1:PORT`), '' before. */
  readonly url: string;
}

/** Narrowing helper for handlers that catch. */
export function isDataverseError(err: unknown): err is DataverseError {
  return err instanceof Error && (err as { name?: string }).name === 'DataverseError' && typeof (err as { status?: unknown }).status === 'number';
}

