import type { FinOpsStore } from '../store/store';
import type { EntityRegistry } from '../model/registry';
import type { Caller } from '../rules/context';

/** One OData request as the pipeline sees it, from HTTP or from a `$batch` part. */
export interface ODataRequest {
  method: string;
  /** Decoded path below the service root, e.g. `/ProjCDSProjects(dataAreaId='usmf',ProjectID='P-1')`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body?: string;
}

export interface ODataResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body (serialized by the adapter) or text (`$metadata`, `$count`, multipart). */
  json?: unknown;
  /** A JSON body already serialized (sent like `json`, with the JSON content type). */
  jsonText?: string;
  text?: string;
}

export interface HandlerContext {
  store: FinOpsStore;
  registry: EntityRegistry;
  /** `http://host:port/data` */
  serviceRoot: string;
  caller: Caller;
  defaultCompany: string;
  maxPageSize: number;
  now(): Date;
}
