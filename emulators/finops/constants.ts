/** Protocol strings of F&O OData, named once (STYLE §8). */
export const DATA_PATH = '/data';
export const ADMIN_PATH = '/_emulator';
export const NAMESPACE = 'Microsoft.Dynamics.DataEntities';
export const DEFAULT_COMPANY = 'usmf';
export const DEFAULT_MAX_PAGE_SIZE = 10_000;
export const MAX_BATCH_OPERATIONS = 5_000;
export const DEFAULT_BODY_LIMIT_BYTES = 100 * 1024 * 1024;
export const DEFAULT_INTEGRATION_CLIENT_IDS = ['psafo-sandbox'];
/** `SourceDataID` that marks a record as originated from PSA (templates-spec §6.1, §11). */
export const PSA_INTEGRATION_SOURCE = 'Project Service Automation';

export const HEADER = {
  contentType: 'content-type',
  odataVersion: 'OData-Version',
  retryAfter: 'Retry-After',
  prefer: 'prefer',
  preferenceApplied: 'Preference-Applied',
  location: 'Location',
  etag: 'ETag',
  ifMatch: 'if-match',
  wwwAuthenticate: 'WWW-Authenticate',
} as const;

export const CONTENT_TYPE_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
export const CONTENT_TYPE_ERROR = 'application/json; odata.metadata=minimal; charset=utf-8';
export const CONTENT_TYPE_XML = 'application/xml; charset=utf-8';

/** Query options F&O OData supports (protocols.md §2.2). */
export const SUPPORTED_QUERY_OPTIONS = ['$filter', '$select', '$top', '$skip', '$orderby', '$count', '$expand', '$format'] as const;
export const CROSS_COMPANY = 'cross-company';

export const EXCEPTION_TYPE = {
  write: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
  update: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataUpdateException',
  delete: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataDeleteException',
  odata: 'Microsoft.OData.ODataException',
  uri: 'Microsoft.OData.UriParser.ODataUnrecognizedPathException',
  notFound: 'System.Web.Http.HttpResponseException',
  json: 'Newtonsoft.Json.JsonReaderException',
  batch: 'Microsoft.OData.ODataException',
} as const;

/** Verbatim F&O messages (protocols.md §2.4–2.6; the 429 text keeps Microsoft's "exeeded"). */
export const MESSAGE = {
  generic: 'An error has occurred.',
  noResourcesForUpdate: 'No resources were found when selecting for update.',
  throttled: 'Number of requests exeeded the limit of 6000 over the time window of 300 seconds.',
  unavailable: 'The service is unavailable.',
} as const;

/** Number sequence codes the emulator uses for the integration journal and its vouchers. */
export const SEQUENCE = { journal: 'Proj_Journal', voucher: 'Proj_Voucher' } as const;
