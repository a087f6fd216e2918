/** Platform tables the product uses: solutions, web resources, environment variables, Custom APIs, webhooks. */
import type { TableDefinition } from './types';
import { bool, datetime, dbl, guid, int, lookup, memo, opts, picklist, str } from './columns';

export const platformTables: TableDefinition[] = [
  {
    logicalName: 'publisher', entitySetName: 'publishers', primaryIdAttribute: 'publisherid', primaryNameAttribute: 'friendlyname',
    ownership: 'OrganizationOwned',
    attributes: [str('uniquename', 256, { required: true }), str('friendlyname', 256), str('customizationprefix', 8),
      int('customizationoptionvalueprefix', { minValue: 10000, maxValue: 99999 }), memo('description')],
    alternateKeys: [{ name: 'publisher_uniquename_key', attributes: ['uniquename'] }],
  },
  {
    logicalName: 'solution', entitySetName: 'solutions', primaryIdAttribute: 'solutionid', primaryNameAttribute: 'friendlyname',
    ownership: 'OrganizationOwned',
    attributes: [str('uniquename', 65, { required: true }), str('friendlyname', 256), str('version', 256), bool('ismanaged'),
      lookup('publisherid', 'publisher'), memo('description'), datetime('installedon'), bool('isvisible')],
    alternateKeys: [{ name: 'solution_uniquename_key', attributes: ['uniquename'] }],
  },
  {
    logicalName: 'webresource', entitySetName: 'webresourceset', primaryIdAttribute: 'webresourceid', primaryNameAttribute: 'name',
    ownership: 'OrganizationOwned',
    attributes: [str('name', 256, { required: true }), str('displayname', 200), memo('description'), memo('content', 1073741823),
      picklist('webresourcetype', opts([[1, 'Webpage (HTML)'], [2, 'Style Sheet (CSS)'], [3, 'Script (JScript)'], [4, 'Data (XML)'],
        [5, 'PNG format'], [6, 'JPG format'], [7, 'GIF format'], [8, 'Silverlight (XAP)'], [9, 'Style Sheet (XSL)'], [10, 'ICO format'],
        [11, 'Vector format (SVG)'], [12, 'String (RESX)']])), bool('ismanaged'), int('languagecode')],
    alternateKeys: [{ name: 'webresource_name_key', attributes: ['name'] }],
  },
  {
    logicalName: 'environmentvariabledefinition', entitySetName: 'environmentvariabledefinitions',
    primaryIdAttribute: 'environmentvariabledefinitionid', primaryNameAttribute: 'schemaname',
    attributes: [str('schemaname', 100, { required: true }), str('displayname', 100), memo('description'), memo('defaultvalue'),
      picklist('type', opts([[100000000, 'String'], [100000001, 'Number'], [100000002, 'Boolean'], [100000003, 'JSON'],
        [100000004, 'Data source'], [100000005, 'Secret']])), bool('isrequired'), bool('ismanaged')],
    alternateKeys: [{ name: 'environmentvariabledefinition_schemaname_key', attributes: ['schemaname'] }],
  },
  {
    logicalName: 'environmentvariablevalue', entitySetName: 'environmentvariablevalues', primaryIdAttribute: 'environmentvariablevalueid',
    primaryNameAttribute: 'schemaname',
    attributes: [str('schemaname', 100), memo('value'),
      lookup('environmentvariabledefinitionid', 'environmentvariabledefinition', 'EnvironmentVariableDefinitionId',
        'environmentvariabledefinition_environmentvariablevalue'), bool('ismanaged')],
  },
  {
    logicalName: 'customapi', entitySetName: 'customapis', primaryIdAttribute: 'customapiid', primaryNameAttribute: 'name',
    attributes: [str('uniquename', 128, { required: true }), str('name', 100), str('displayname', 100), memo('description'),
      picklist('bindingtype', opts([[0, 'Global'], [1, 'Entity'], [2, 'EntityCollection']])), str('boundentitylogicalname', 100),
      bool('isfunction'), bool('isprivate'),
      picklist('allowedcustomprocessingsteptype', opts([[0, 'None'], [1, 'Async Only'], [2, 'Sync and Async']])),
      str('executeprivilegename', 100), bool('ismanaged')],
    alternateKeys: [{ name: 'customapi_uniquename_key', attributes: ['uniquename'] }],
  },
  {
    logicalName: 'customapirequestparameter', entitySetName: 'customapirequestparameters', primaryIdAttribute: 'customapirequestparameterid',
    primaryNameAttribute: 'name',
    attributes: [str('uniquename', 128, { required: true }), str('name', 100), str('displayname', 100), memo('description'),
      picklist('type', customApiTypes()), bool('isoptional'), str('logicalentityname', 100),
      lookup('customapiid', 'customapi', 'CustomAPIId'), bool('ismanaged')],
  },
  {
    logicalName: 'customapiresponseproperty', entitySetName: 'customapiresponseproperties', primaryIdAttribute: 'customapiresponsepropertyid',
    primaryNameAttribute: 'name',
    attributes: [str('uniquename', 128, { required: true }), str('name', 100), str('displayname', 100), memo('description'),
      picklist('type', customApiTypes()), str('logicalentityname', 100), lookup('customapiid', 'customapi', 'CustomAPIId'), bool('ismanaged')],
  },
  {
    logicalName: 'serviceendpoint', entitySetName: 'serviceendpoints', primaryIdAttribute: 'serviceendpointid', primaryNameAttribute: 'name',
    ownership: 'OrganizationOwned',
    attributes: [str('name', 256, { required: true }), memo('description'), str('url', 2000), str('namespaceaddress', 255), str('path', 160),
      picklist('contract', opts([[1, 'OneWay'], [2, 'Queue'], [3, 'Rest'], [4, 'TwoWay'], [5, 'Topic'], [6, 'Queue (Persistent)'],
        [7, 'Event Hub'], [8, 'Webhook'], [9, 'Event Grid'], [10, 'Managed Data Lake']])),
      picklist('authtype', opts([[1, 'ACS'], [2, 'SAS Key'], [3, 'SAS Token'], [4, 'Webhook Key'], [5, 'Http Header'],
        [6, 'Http Query String'], [7, 'Connection String'], [8, 'Access Key']])),
      memo('authvalue', 4000), picklist('messageformat', opts([[1, 'Binary XML'], [2, 'Json'], [3, 'Text XML']])),
      picklist('userclaim', opts([[1, 'None'], [2, 'UserId'], [3, 'UserInfo']])),
      picklist('connectionmode', opts([[1, 'Normal'], [2, 'Federated']])), bool('ismanaged')],
  },
  {
    logicalName: 'sdkmessage', entitySetName: 'sdkmessages', primaryIdAttribute: 'sdkmessageid', primaryNameAttribute: 'name',
    ownership: 'OrganizationOwned',
    attributes: [str('name', 256, { required: true }), bool('isprivate'), int('customizationlevel'), str('categoryname', 25)],
  },
  {
    logicalName: 'sdkmessagefilter', entitySetName: 'sdkmessagefilters', primaryIdAttribute: 'sdkmessagefilterid', primaryNameAttribute: 'name',
    ownership: 'OrganizationOwned',
    attributes: [str('name', 256), lookup('sdkmessageid', 'sdkmessage'), str('primaryobjecttypecode', 100), str('secondaryobjecttypecode', 100),
      bool('iscustomprocessingstepallowed')],
  },
  {
    logicalName: 'sdkmessageprocessingstep', entitySetName: 'sdkmessageprocessingsteps', primaryIdAttribute: 'sdkmessageprocessingstepid',
    primaryNameAttribute: 'name', ownership: 'UserOwned',
    attributes: [str('name', 256, { required: true }), memo('description'), lookup('sdkmessageid', 'sdkmessage'),
      lookup('sdkmessagefilterid', 'sdkmessagefilter'),
      { name: 'eventhandler', type: 'lookup', targets: ['serviceendpoint', 'plugintype'],
        navigation: { serviceendpoint: 'eventhandler_serviceendpoint', plugintype: 'eventhandler_plugintype' } },
      picklist('stage', opts([[10, 'Pre-validation'], [20, 'Pre-operation'], [30, 'Main operation'], [40, 'Post-operation']])),
      picklist('mode', opts([[0, 'Synchronous'], [1, 'Asynchronous']])), int('rank'), str('filteringattributes', 100000),
      bool('asyncautodelete'), picklist('supporteddeployment', opts([[0, 'Server Only'], [1, 'Microsoft Dynamics 365 Client for Outlook Only'], [2, 'Both']])),
      memo('configuration'), bool('ismanaged')],
  },
  {
    logicalName: 'importjob', entitySetName: 'importjobs', primaryIdAttribute: 'importjobid', primaryNameAttribute: 'name',
    ownership: 'None',
    attributes: [str('name', 100), str('solutionname', 256), guid('solutionid'), memo('data', 1073741823), dbl('progress'),
      datetime('startedon'), datetime('completedon'), str('operationcontext', 256)],
  },
];

function customApiTypes() {
  return opts([[0, 'Boolean'], [1, 'DateTime'], [2, 'Decimal'], [3, 'Entity'], [4, 'EntityCollection'], [5, 'EntityReference'], [6, 'Float'],
    [7, 'Integer'], [8, 'Money'], [9, 'Picklist'], [10, 'String'], [11, 'StringArray'], [12, 'Guid']]);
}


