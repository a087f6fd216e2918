/** `GET /api/data/v9.2/`: the service document listing every entity set (PAD webapi/web-api-service-documents.md). */
import { Annotations } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl } from '../context';
import type { DvResponse } from '../http';
import { json } from '../http';

export async function serviceDocument(ctx: ServiceContext): Promise<DvResponse> {
  const value = ctx.schema.tables()
    .map((t) => t.entitySetName)
    .sort()
    .map((name) => ({ name, kind: 'EntitySet', url: name }));
  return json(200, { [Annotations.context]: metadataUrl(ctx), value });
}
