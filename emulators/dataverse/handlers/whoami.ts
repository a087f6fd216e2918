/** `GET /WhoAmI` (function; `WhoAmI()` too): the caller's user, business unit and organization ids. */
import { Annotations, NAMESPACE, Organization } from '../constants';
import type { ServiceContext } from '../context';
import { metadataUrl } from '../context';
import type { DvResponse } from '../http';
import { json } from '../http';

export async function whoAmI(ctx: ServiceContext): Promise<DvResponse> {
  return json(200, {
    [Annotations.context]: `${metadataUrl(ctx)}#${NAMESPACE}.WhoAmIResponse`,
    BusinessUnitId: Organization.businessUnitId,
    UserId: ctx.caller,
    OrganizationId: Organization.id,
  });
}
