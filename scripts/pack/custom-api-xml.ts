import type { CustomApiDef, CustomApiParameterType } from '../../solution/types';
import { bit, defaultLabel, fields, newDocument, serialize } from './xml';

const PARAM_TYPE: Record<CustomApiParameterType, number> = {
  Boolean: 0, DateTime: 1, Decimal: 2, Entity: 3, EntityCollection: 4, EntityReference: 5, Float: 6,
  Integer: 7, Money: 8, Picklist: 9, String: 10, StringArray: 11, Guid: 12,
};
const BINDING = { Global: 0, Entity: 1, EntityCollection: 2 } as const;
const STEP_TYPE = { None: 0, AsyncOnly: 1, SyncAndAsync: 2 } as const;

/** Files of one Custom API: customapi.xml plus one file per request parameter / response property (solution-format §6.4). */
export function customApiFiles(api: CustomApiDef): Map<string, string> {
  const base = `customapis/${api.uniqueName}`;
  const files = new Map<string, string>();
  const d = newDocument().ele('customapi', { uniquename: api.uniqueName });
  fields(d, [['allowedcustomprocessingsteptype', STEP_TYPE[api.allowedStepType]], ['bindingtype', BINDING[api.bindingType]]]);
  d.ele('boundentitylogicalname');
  defaultLabel(d, 'description', api.description);
  defaultLabel(d, 'displayname', api.displayName);
  d.ele('executeprivilegename');
  fields(d, [['iscustomizable', '1'], ['isfunction', bit(api.isFunction)], ['isprivate', '0'], ['name', api.uniqueName]]);
  d.ele('plugintypeid');
  fields(d, [['workflowsdkstepenabled', '0']]);
  files.set(`${base}/customapi.xml`, serialize(d.doc()));

  for (const p of api.requestParameters) {
    const x = newDocument().ele('customapirequestparameter', { uniquename: p.uniqueName });
    defaultLabel(x, 'description', p.description);
    defaultLabel(x, 'displayname', p.displayName);
    fields(x, [['iscustomizable', '1'], ['isoptional', bit(p.isOptional)]]);
    x.ele('logicalentityname');
    fields(x, [['name', `${api.uniqueName}.${p.uniqueName}`], ['type', PARAM_TYPE[p.type]]]);
    files.set(`${base}/customapirequestparameters/${p.uniqueName}/customapirequestparameter.xml`, serialize(x.doc()));
  }
  for (const p of api.responseProperties) {
    const x = newDocument().ele('customapiresponseproperty', { uniquename: p.uniqueName });
    defaultLabel(x, 'description', p.description);
    defaultLabel(x, 'displayname', p.displayName);
    fields(x, [['iscustomizable', '1']]);
    x.ele('logicalentityname');
    fields(x, [['name', `${api.uniqueName}.${p.uniqueName}`], ['type', PARAM_TYPE[p.type]]]);
    files.set(`${base}/customapiresponseproperties/${p.uniqueName}/customapiresponseproperty.xml`, serialize(x.doc()));
  }
  return files;
}
