/** `GET /<entityset>/$count[?$filter=...]`: the number of rows (capped at 5000), as text/plain. */
import { Headers, Limits } from '../constants';
import type { ServiceContext } from '../context';
import type { DvResponse } from '../http';
import { parseDeltaToken } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import { compileFilter } from '../odata/sql';
import type { EntityRoute } from './route';

export async function count(ctx: ServiceContext, route: EntityRoute): Promise<DvResponse> {
  const { table } = route;
  const opts = parseQueryOptions(route.query);
  let n: number;
  if (opts.deltatoken !== undefined) {
    const since = parseDeltaToken(opts.deltatoken, Limits.changeTrackingDays);
    const upTo = ctx.store.currentVersion();
    n = ctx.store.changedBetween(table.logicalName, since, upTo, Limits.maxCount + 1).length
      + ctx.store.deletedBetween(table.logicalName, since, upTo, Limits.maxCount + 1).length;
  } else {
    const filter = opts.filter ? compileFilter(ctx.schema, table, opts.filter) : {};
    n = ctx.store.count(table.logicalName, filter);
  }
  return { status: 200, headers: { [Headers.contentType]: 'text/plain; charset=utf-8', [Headers.odataVersion]: '4.0' }, body: String(Math.min(n, Limits.maxCount)) };
}
