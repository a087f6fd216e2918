/** Protocol strings of the Dataverse Web API, named once (PAD webapi/*). */
export const API_PATH = '/api/data/v9.2';
export const API_PREFIX = '/api/data/';
export const NAMESPACE = 'Microsoft.Dynamics.CRM';
export const NAMESPACE_ALIAS = 'mscrm';

export const Headers = {
  odataVersion: 'OData-Version',
  odataEntityId: 'OData-EntityId',
  preferenceApplied: 'Preference-Applied',
  etag: 'ETag',
  location: 'Location',
  retryAfter: 'Retry-After',
  contentType: 'Content-Type',
  requestId: 'REQ_ID',
  correlationId: 'x-ms-service-request-id',
  burstRemaining: 'x-ms-ratelimit-burst-remaining-xrm-requests',
  timeRemaining: 'x-ms-ratelimit-time-remaining-xrm-requests',
} as const;

export const ContentTypes = {
  json: 'application/json; odata.metadata=minimal',
  jsonStreaming: 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8',
  xml: 'application/xml',
  http: 'application/http',
  multipart: 'multipart/mixed',
} as const;

export const Prefer = {
  returnRepresentation: 'return=representation',
  includeAnnotations: 'odata.include-annotations',
  maxPageSize: 'odata.maxpagesize',
  trackChanges: 'odata.track-changes',
  continueOnError: 'odata.continue-on-error',
} as const;

export const Annotations = {
  context: '@odata.context',
  etag: '@odata.etag',
  nextLink: '@odata.nextLink',
  deltaLink: '@odata.deltaLink',
  count: '@odata.count',
  type: '@odata.type',
  bind: '@odata.bind',
  id: '@odata.id',
  formattedValue: 'OData.Community.Display.V1.FormattedValue',
  lookupLogicalName: 'Microsoft.Dynamics.CRM.lookuplogicalname',
  associatedNavigationProperty: 'Microsoft.Dynamics.CRM.associatednavigationproperty',
  totalRecordCount: 'Microsoft.Dynamics.CRM.totalrecordcount',
  totalRecordCountLimitExceeded: 'Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded',
  globalMetadataVersion: 'Microsoft.Dynamics.CRM.globalmetadataversion',
} as const;

export const Limits = {
  maxPageSize: 5000,
  maxBatchParts: 1000,
  maxCount: 5000,
  maxUrlLength: 32768,
  maxBatchUrlLength: 65536,
  maxExpand: 15,
  changeTrackingDays: 7,
} as const;

/** Query options the service rejects, and the ones it knows. */
export const UNSUPPORTED_OPTIONS = ['$skip', '$search', '$format'];
export const KNOWN_OPTIONS = ['$select', '$filter', '$orderby', '$top', '$count', '$expand', '$apply', '$skiptoken', '$deltatoken'];

/** Fixed ids of the emulated organization. */
export const Organization = {
  id: '7ea1f2c4-0a3b-4c5d-8e9f-0123456789ab',
  businessUnitId: '7ea1f2c4-0a3b-4c5d-8e9f-0123456789ac',
  name: 'psafosandbox',
} as const;
