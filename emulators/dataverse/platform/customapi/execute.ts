/**
 * The runtime of an imported Custom API: `POST /api/data/v9.2/<uniquename>` validates the body
 * against the `customapirequestparameters` rows, then returns. The core runs the message pipeline
 * around the action, so registered webhook steps fire with the parameters as InputParameters.
 * Without a plug-in nothing sets the response properties: an API with response properties
 * answers 200 with only `@odata.context`, one without answers 204.
 */
import type { ActionContext, ActionHandler } from '../../extensibility';
import { errors } from '../../errors';
import { platformErrors } from '../errors';
import { validateParameters } from './validate';

export function customApiHandler(uniqueName: string): ActionHandler {
  return (ctx: ActionContext) => {
    const api = ctx.store.findByColumns('customapi', { uniquename: uniqueName });
    if (!api) throw errors.resourceNotFound(uniqueName);
    if (api.data.isfunction === true) {
      throw platformErrors.invalidArgument(`${uniqueName} is a function: call it with GET ${uniqueName}().`);
    }
    const params = ctx.store.find('customapirequestparameter', { customapiid: api.id }).map((r) => ({
      uniqueName: String(r.data.uniquename), type: Number(r.data.type), isOptional: r.data.isoptional === true,
    }));
    validateParameters(uniqueName, params, ctx.body);
    const responseProperties = ctx.store.find('customapiresponseproperty', { customapiid: api.id });
    return responseProperties.length > 0 ? {} : undefined;
  };
}
