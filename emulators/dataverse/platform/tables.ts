/**
 * Tables the platform layer adds to the core schema (custom controls, system jobs, ribbons,
 * solution components, step images), and the conversion of a table read from customizations.xml
 * into the core's TableDefinition so an imported table works through the Web API at once.
 */
import type { AttributeDefinition, AttributeType, TableDefinition } from '../extensibility';
import { AsyncOperationState, AsyncOperationStatus } from './constants';
import type { ColumnDef, TableDef } from './solution/model';

const s = (name: string, maxLength = 100): AttributeDefinition => ({ name, type: 'string', maxLength });
const m = (name: string, maxLength = 1073741823): AttributeDefinition => ({ name, type: 'memo', maxLength });
const i = (name: string): AttributeDefinition => ({ name, type: 'integer' });
const b = (name: string): AttributeDefinition => ({ name, type: 'boolean' });
const g = (name: string): AttributeDefinition => ({ name, type: 'uniqueidentifier' });
const d = (name: string): AttributeDefinition => ({ name, type: 'datetime' });
const l = (name: string, target: string): AttributeDefinition => ({ name, type: 'lookup', targets: [target] });
const p = (name: string, pairs: Array<[number, string]>, type: AttributeType = 'picklist'): AttributeDefinition =>
  ({ name, type, options: pairs.map(([value, label]) => ({ value, label })) });

export const platformExtraTables: TableDefinition[] = [
  {
    logicalName: 'customcontrol', entitySetName: 'customcontrols', primaryIdAttribute: 'customcontrolid', primaryNameAttribute: 'name',
    ownership: 'OrganizationOwned', displayName: 'Custom Control',
    attributes: [s('name', 100), m('manifest'), s('version', 50), s('compatibledatatypes', 500), m('clientjson'), b('ismanaged')],
    alternateKeys: [{ name: 'customcontrol_name_key', attributes: ['name'] }],
  },
  {
    logicalName: 'customcontrolresource', entitySetName: 'customcontrolresources', primaryIdAttribute: 'customcontrolresourceid',
    primaryNameAttribute: 'name', ownership: 'OrganizationOwned',
    attributes: [s('name', 256), s('version', 50), l('customcontrolid', 'customcontrol'), l('webresourceid', 'webresource'), b('ismanaged')],
  },
  {
    logicalName: 'ribboncustomization', entitySetName: 'ribboncustomizations', primaryIdAttribute: 'ribboncustomizationid',
    primaryNameAttribute: 'entity', ownership: 'OrganizationOwned',
    attributes: [s('entity', 64), m('ribbondiffxml'), l('solutionid', 'solution'), b('ismanaged')],
  },
  {
    logicalName: 'solutioncomponent', entitySetName: 'solutioncomponents', primaryIdAttribute: 'solutioncomponentid',
    ownership: 'OrganizationOwned',
    attributes: [i('componenttype'), g('objectid'), s('schemaname', 256), p('rootcomponentbehavior', [[0, 'Include Subcomponents'], [1, 'Do not include subcomponents'], [2, 'Include As Shell Only']]),
      l('solutionid', 'solution'), b('ismetadata')],
  },
  {
    logicalName: 'sdkmessageprocessingstepimage', entitySetName: 'sdkmessageprocessingstepimages',
    primaryIdAttribute: 'sdkmessageprocessingstepimageid', primaryNameAttribute: 'name', ownership: 'OrganizationOwned',
    attributes: [s('name', 256), s('entityalias', 256), p('imagetype', [[0, 'PreImage'], [1, 'PostImage'], [2, 'Both']]),
      s('attributes', 100000), s('messagepropertyname', 256), l('sdkmessageprocessingstepid', 'sdkmessageprocessingstep')],
  },
  {
    logicalName: 'asyncoperation', entitySetName: 'asyncoperations', primaryIdAttribute: 'asyncoperationid', primaryNameAttribute: 'name',
    ownership: 'UserOwned', displayName: 'System Job',
    attributes: [s('name', 256), p('operationtype', [[1, 'System Event'], [54, 'Execute Async Request']]),
      p('statecode', [[AsyncOperationState.Ready, 'Ready'], [AsyncOperationState.Suspended, 'Suspended'], [AsyncOperationState.Locked, 'Locked'], [AsyncOperationState.Completed, 'Completed']], 'state'),
      p('statuscode', [[AsyncOperationStatus.WaitingForResources, 'Waiting For Resources'], [10, 'Waiting'], [AsyncOperationStatus.InProgress, 'In Progress'],
        [21, 'Pausing'], [22, 'Canceling'], [AsyncOperationStatus.Succeeded, 'Succeeded'], [AsyncOperationStatus.Failed, 'Failed'], [32, 'Canceled']], 'status'),
      m('message'), m('friendlymessage'), i('errorcode'), g('correlationid'), g('requestid'), d('startedon'), d('completedon'),
      s('primaryentitytype', 64), g('regardingobjectid'), l('owningextensionid', 'sdkmessageprocessingstep'), m('data'), i('depth'), i('retrycount'),
      s('messagename', 256)],
  },
];

/** Columns the core adds to every table (registry.ts systemColumns) or that point at tables we do not model. */
const SYSTEM_COLUMNS = new Set([
  'createdon', 'modifiedon', 'versionnumber', 'statecode', 'statuscode', 'createdby', 'modifiedby', 'ownerid',
  'owninguser', 'owningteam', 'owningbusinessunit', 'createdonbehalfby', 'modifiedonbehalfby', 'organizationid',
  'importsequencenumber', 'overriddencreatedon', 'timezoneruleversionnumber', 'utcconversiontimezonecode',
]);

const TYPE_MAP: Record<string, AttributeType> = {
  nvarchar: 'string', varchar: 'string', char: 'string', nchar: 'string',
  ntext: 'memo', text: 'memo',
  int: 'integer', smallint: 'integer', tinyint: 'integer', bigint: 'bigint',
  decimal: 'decimal', numeric: 'decimal', float: 'double', real: 'double', money: 'money', smallmoney: 'money',
  bit: 'boolean', datetime: 'datetime', smalldatetime: 'datetime',
  picklist: 'picklist', state: 'state', status: 'status',
  lookup: 'lookup', customer: 'customer', uniqueidentifier: 'uniqueidentifier',
};

function toAttribute(c: ColumnDef, knownTables: (logicalName: string) => boolean): AttributeDefinition | undefined {
  let type = TYPE_MAP[c.type.toLowerCase()];
  if (!type) return undefined;
  if (type === 'datetime' && c.format?.toLowerCase() === 'date') type = 'dateonly';
  const attr: AttributeDefinition = { name: c.logicalName, type, displayName: c.displayName };
  if (type === 'string') attr.maxLength = c.maxLength ?? 100;
  if (type === 'memo') attr.maxLength = c.maxLength ?? 2000;
  if (c.options) attr.options = c.options.map((o) => ({ value: o.value, label: o.label }));
  if (c.minValue !== undefined && (type === 'integer' || type === 'decimal' || type === 'double' || type === 'money')) attr.minValue = c.minValue;
  if (c.maxValue !== undefined && (type === 'integer' || type === 'decimal' || type === 'double' || type === 'money')) attr.maxValue = c.maxValue;
  if (type === 'lookup' || type === 'customer') {
    const targets = (c.targets ?? []).map((t) => t.toLowerCase()).filter(knownTables);
    if (targets.length === 0) return undefined;
    attr.targets = targets;
  }
  if (c.requiredLevel?.toLowerCase() === 'systemrequired') attr.required = true;
  return attr;
}

export function toTableDefinition(t: TableDef, knownTables: (logicalName: string) => boolean): TableDefinition {
  const attributes = t.columns
    .filter((c) => c.type !== 'primarykey' && c.logicalName !== t.primaryIdAttribute && !SYSTEM_COLUMNS.has(c.logicalName))
    .map((c) => toAttribute(c, knownTables))
    .filter((a): a is AttributeDefinition => a !== undefined);
  const names = new Set(attributes.map((a) => a.name));
  return {
    logicalName: t.logicalName,
    entitySetName: t.entitySetName,
    primaryIdAttribute: t.primaryIdAttribute,
    primaryNameAttribute: t.primaryNameAttribute && names.has(t.primaryNameAttribute) ? t.primaryNameAttribute : undefined,
    displayName: t.displayName,
    attributes,
    alternateKeys: t.alternateKeys
      .filter((k) => k.columns.every((c) => names.has(c)))
      .map((k) => ({ name: k.logicalName, attributes: k.columns })),
    changeTracking: t.changeTrackingEnabled,
    ownership: t.ownership,
  };
}
