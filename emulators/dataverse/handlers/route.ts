/** What the dispatcher hands to a handler: the request plus what every handler needs parsed. */
import type { DvRequest } from '../http';
import type { AnnotationFilter } from '../odata/serialize';
import type { CompiledTable } from '../schema/registry';

export interface RouteInfo {
  req: DvRequest;
  /** Raw (still encoded) query string without `?`. */
  query: string;
  prefer: Map<string, string>;
  annotations: AnnotationFilter;
}

export interface EntityRoute extends RouteInfo {
  table: CompiledTable;
  /** Decoded text between the parentheses of `set(...)`, when addressed. */
  keyText?: string;
  /** Segment after the key: a column (`/name`) or a navigation property reference (`/nav/$ref`). */
  property?: string;
  ref?: boolean;
}

export function header(route: RouteInfo, name: string): string | undefined {
  return route.req.headers[name.toLowerCase()];
}
