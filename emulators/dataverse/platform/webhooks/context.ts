/**
 * Builds the RemoteExecutionContext a webhook receives (protocols.md §1.16): the WCF data-contract
 * JSON of Dataverse, collections as `{key, value}` lists, entities with `__type`, dates as
 * `\/Date(ms)\/`. Pure: every id and time comes in through the input.
 */
import { ContractType, StepStage } from '../constants';

/** How an attribute value is typed on the wire, from the table metadata. */
export type AttributeKind =
  | { kind: 'plain' }
  | { kind: 'datetime' }
  | { kind: 'optionset'; labels?: Record<number, string> }
  | { kind: 'money' }
  | { kind: 'lookup'; target: string }
  | { kind: 'guid' };

export type DescribeAttribute = (entityLogicalName: string, attribute: string) => AttributeKind;

export interface EntitySnapshot {
  logicalName: string;
  id: string;
  attributes: Record<string, unknown>;
}

export interface ContextInput {
  messageName: string;
  primaryEntityName: string;
  primaryEntityId: string;
  stage: number;
  mode: number;
  depth: number;
  userId: string;
  initiatingUserId: string;
  /** Entra object id of the caller's systemuser (empty GUID when unknown). */
  userAzureObjectId?: string;
  businessUnitId: string;
  organizationId: string;
  organizationName: string;
  correlationId: string;
  requestId: string;
  operationId: string;
  operationCreatedOn: Date;
  /** Target entity for Create/Update, reference for Delete; absent for Custom API messages. */
  target?: EntitySnapshot;
  targetIsReference?: boolean;
  /** Extra input parameters (Custom API request parameters), already in wire form. */
  inputParameters?: Record<string, unknown>;
  outputParameters?: Record<string, unknown>;
  preImage?: { name: string; entity: EntitySnapshot };
  postImage?: { name: string; entity: EntitySnapshot };
  owningExtension: { id: string; name: string };
  describe: DescribeAttribute;
}

export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

export function wcfDate(date: Date): string {
  return `/Date(${date.getTime()})/`;
}

function entityReference(logicalName: string, id: string, name: string | null = null): Record<string, unknown> {
  return { __type: ContractType.EntityReference, Id: id, KeyAttributes: [], LogicalName: logicalName, Name: name, RowVersion: null };
}

function wireValue(kind: AttributeKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind.kind) {
    case 'datetime': {
      const d = value instanceof Date ? value : new Date(String(value));
      return Number.isNaN(d.getTime()) ? value : wcfDate(d);
    }
    case 'optionset':
      return { __type: ContractType.OptionSetValue, Value: Number(value) };
    case 'money':
      return { __type: ContractType.Money, Value: Number(value) };
    case 'lookup':
      return entityReference(kind.target, String(value));
    default:
      return value;
  }
}

export function toContractEntity(e: EntitySnapshot, describe: DescribeAttribute): Record<string, unknown> {
  const attributes: Array<{ key: string; value: unknown }> = [];
  const formatted: Array<{ key: string; value: string }> = [];
  for (const [key, value] of Object.entries(e.attributes)) {
    const kind = describe(e.logicalName, key);
    attributes.push({ key, value: wireValue(kind, value) });
    if (kind.kind === 'optionset' && value !== null && value !== undefined && kind.labels?.[Number(value)] !== undefined) {
      formatted.push({ key, value: kind.labels[Number(value)] });
    }
  }
  return {
    __type: ContractType.Entity,
    Attributes: attributes,
    EntityState: null,
    FormattedValues: formatted,
    Id: e.id,
    KeyAttributes: [],
    LogicalName: e.logicalName,
    RelatedEntities: [],
    RowVersion: null,
  };
}

function collection(entries: Record<string, unknown> | undefined): Array<{ key: string; value: unknown }> {
  return Object.entries(entries ?? {}).map(([key, value]) => ({ key, value }));
}

export function buildRemoteExecutionContext(input: ContextInput): Record<string, unknown> {
  const inputParameters: Array<{ key: string; value: unknown }> = [];
  if (input.target) {
    inputParameters.push({
      key: 'Target',
      value: input.targetIsReference
        ? entityReference(input.target.logicalName, input.target.id)
        : toContractEntity(input.target, input.describe),
    });
  }
  inputParameters.push(...collection(input.inputParameters));
  const images = (img?: { name: string; entity: EntitySnapshot }) =>
    img ? [{ key: img.name, value: toContractEntity(img.entity, input.describe) }] : [];
  const base = {
    BusinessUnitId: input.businessUnitId,
    CorrelationId: input.correlationId,
    Depth: input.depth,
    InitiatingUserAzureActiveDirectoryObjectId: input.userAzureObjectId ?? EMPTY_GUID,
    InitiatingUserId: input.initiatingUserId,
    InputParameters: inputParameters,
    IsExecutingOffline: false,
    IsInTransaction: input.mode === 0,
    IsOfflinePlayback: false,
    IsolationMode: 1,
    MessageName: input.messageName,
    Mode: input.mode,
    OperationCreatedOn: wcfDate(input.operationCreatedOn),
    OperationId: input.operationId,
    OrganizationId: input.organizationId,
    OrganizationName: input.organizationName,
    OutputParameters: collection(input.outputParameters),
    OwningExtension: { Id: input.owningExtension.id, KeyAttributes: [], LogicalName: 'sdkmessageprocessingstep', Name: input.owningExtension.name, RowVersion: null },
    PostEntityImages: images(input.postImage),
    PreEntityImages: images(input.preImage),
    PrimaryEntityId: input.primaryEntityId,
    PrimaryEntityName: input.primaryEntityName,
    RequestId: input.requestId,
    SecondaryEntityName: 'none',
    SharedVariables: [] as unknown[],
    Stage: input.stage,
    UserAzureActiveDirectoryObjectId: input.userAzureObjectId ?? EMPTY_GUID,
    UserId: input.userId,
  };
  // A post-operation context carries the main operation (stage 30) as its parent.
  const parent = input.stage === StepStage.PostOperation
    ? { ...base, OwningExtension: null, PostEntityImages: [], PreEntityImages: [], ParentContext: null, Stage: StepStage.MainOperation, Mode: 0, IsInTransaction: true }
    : null;
  return { ...base, ParentContext: parent };
}

/**
 * Serializes like DataContractJsonSerializer (every `/` escaped as `\/`). Above `maxBytes` the
 * documented collections are stripped and `sizeExceeded` is reported for the header.
 */
export function serializeContext(context: Record<string, unknown>, maxBytes: number): { body: string; sizeExceeded: boolean } {
  const escape = (s: string) => s.split('/').join('\\/');
  const full = escape(JSON.stringify(context));
  if (Buffer.byteLength(full) <= maxBytes) return { body: full, sizeExceeded: false };
  const stripped = { ...context, ParentContext: null, InputParameters: [], PreEntityImages: [], PostEntityImages: [] };
  return { body: escape(JSON.stringify(stripped)), sizeExceeded: true };
}
