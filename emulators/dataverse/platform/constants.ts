/**
 * Protocol strings and option values of the Dataverse platform features (solutions, Custom API,
 * webhooks), named once. Sources: protocols.md §1.15–1.16, solution-format.md §1, §6, §7.
 */

/** The three files every solution zip must carry at its root. */
export const SOLUTION_ROOT_FILES = ['solution.xml', 'customizations.xml', '[Content_Types].xml'] as const;

/** componenttype values of solutioncomponent (solution-format.md §1.3). */
export const ComponentType = {
  Entity: 1,
  WebResource: 61,
  CustomControl: 66,
  EnvironmentVariableDefinition: 380,
  /**
   * Newer solution-aware tables have no fixed componenttype: they use their table's object type
   * code, which differs per environment. This is the emulator's code for customapi.
   */
  CustomApi: 10020,
} as const;

/** webresourcetype → content type served by `GET /WebResources/<name>`. */
export const WEB_RESOURCE_CONTENT_TYPES: Readonly<Record<number, string>> = {
  1: 'text/html; charset=utf-8',
  2: 'text/css; charset=utf-8',
  3: 'application/javascript; charset=utf-8',
  4: 'text/xml; charset=utf-8',
  5: 'image/png',
  6: 'image/jpeg',
  7: 'image/gif',
  8: 'application/x-silverlight-app',
  9: 'text/xsl; charset=utf-8',
  10: 'image/x-icon',
  11: 'image/svg+xml',
  12: 'text/xml; charset=utf-8',
};

/** customapirequestparameter / customapiresponseproperty `type`. */
export const CustomApiFieldType = {
  Boolean: 0,
  DateTime: 1,
  Decimal: 2,
  Entity: 3,
  EntityCollection: 4,
  EntityReference: 5,
  Float: 6,
  Integer: 7,
  Money: 8,
  Picklist: 9,
  String: 10,
  StringArray: 11,
  Guid: 12,
} as const;

/** serviceendpoint.contract / authtype / messageformat. */
export const ServiceEndpointContract = { Webhook: 8 } as const;
export const ServiceEndpointAuthType = { WebhookKey: 4, HttpHeader: 5, HttpQueryString: 6 } as const;

/** sdkmessageprocessingstep.mode / stage. */
export const StepMode = { Synchronous: 0, Asynchronous: 1 } as const;
export const StepStage = { PreValidation: 10, PreOperation: 20, MainOperation: 30, PostOperation: 40 } as const;

/** asyncoperation statecode / statuscode (solution-async.md, use-webhooks.md). */
export const AsyncOperationState = { Ready: 0, Suspended: 1, Locked: 2, Completed: 3 } as const;
export const AsyncOperationStatus = { WaitingForResources: 0, InProgress: 20, Succeeded: 30, Failed: 31 } as const;
/** asyncoperation.operationtype: 54 = Execute Async Request (ImportSolutionAsync), 1 = System Event (async plug-in / webhook). */
export const AsyncOperationType = { SystemEvent: 1, ExecuteAsyncRequest: 54 } as const;

/** Webhook request headers (use-webhooks.md). */
export const WebhookHeader = {
  Organization: 'x-ms-dynamics-organization',
  EntityName: 'x-ms-dynamics-entity-name',
  RequestName: 'x-ms-dynamics-request-name',
  CorrelationId: 'x-ms-correlation-request-id',
  MsgSizeExceeded: 'x-ms-dynamics-msg-size-exceeded',
} as const;

/** Webhook delivery: 60 s timeout, exactly one retry on these statuses (use-webhooks.md). */
export const WEBHOOK_TIMEOUT_MS = 60_000;
export const WEBHOOK_RETRY_STATUSES: readonly number[] = [502, 503, 504];
/** Above 256 KB the context is stripped of these collections and the size header is set. */
export const WEBHOOK_MAX_BODY_BYTES = 256 * 1024;

/** WCF data contract type names used in the RemoteExecutionContext JSON. */
export const ContractType = {
  Entity: 'Entity:http://schemas.microsoft.com/xrm/2011/Contracts',
  EntityReference: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts',
  OptionSetValue: 'OptionSetValue:http://schemas.microsoft.com/xrm/2011/Contracts',
  Money: 'Money:http://schemas.microsoft.com/xrm/2011/Contracts',
  EntityCollection: 'EntityCollection:http://schemas.microsoft.com/xrm/2011/Contracts',
  ParameterCollection: 'ParameterCollection:http://schemas.microsoft.com/xrm/2011/Contracts',
} as const;

/** Names of the platform messages this module answers. */
export const PlatformAction = {
  ImportSolution: 'ImportSolution',
  ImportSolutionAsync: 'ImportSolutionAsync',
  PublishAllXml: 'PublishAllXml',
  PublishXml: 'PublishXml',
} as const;

/** Base SDK messages that carry a Target entity. */
export const EntityMessage = { Create: 'Create', Update: 'Update', Delete: 'Delete' } as const;
