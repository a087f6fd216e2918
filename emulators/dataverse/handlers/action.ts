/**
 * Registered unbound actions (`POST /<Name>`, platform extensions such as ImportSolution or Custom
 * APIs): the handler runs in a unit of work, then the message pipeline with `message = <Name>`.
 * 200 with `$metadata#Microsoft.Dynamics.CRM.<Name>Response` when it returns properties, else 204.
 */
import { randomUUID } from 'node:crypto';
import { Annotations, NAMESPACE } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl } from '../context';
import type { ActionHandler } from '../extensibility';
import type { DvResponse } from '../http';
import { json, noContent } from '../http';
import { parseJsonBody } from '../odata/payload';
import { splitQuery } from '../odata/query-options';
import { runInUnit } from '../pipeline';
import type { RouteInfo } from './route';

export async function executeAction(ctx: ServiceContext, route: RouteInfo, name: string, handler: ActionHandler): Promise<DvResponse> {
  const body = route.req.method === 'GET' ? Object.fromEntries(splitQuery(route.query).filter(([k]) => !k.startsWith('$'))) : parseJsonBody(route.req.body);
  const result = await runInUnit(ctx, ctx.unit, async (unit) => {
    const output = await handler({
      body, headers: route.req.headers, caller: ctx.caller, store: ctx.store, schema: ctx.schema,
      correlationId: ctx.correlationId, depth: ctx.depth,
    });
    await ctx.pipeline.run(unit, {
      message: name, entityLogicalName: '', id: '', target: body, output, caller: ctx.caller, depth: ctx.depth,
      correlationId: ctx.correlationId, operationId: randomUUID(),
    });
    return output;
  });
  if (result === undefined) return noContent();
  return json(200, { [Annotations.context]: `${metadataUrl(ctx)}#${NAMESPACE}.${name}Response`, ...result });
}
