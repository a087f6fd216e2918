import type { ColumnDef, Localized, TableDef } from '../../solution/types';
import { bit, fields, labelList, type Node } from './xml';

/** The platform columns every organization-owned table has (taken from a real export, solution-format §6.3). */
interface SystemColumn {
  readonly name: string;
  readonly type: 'primarykey' | 'lookup' | 'datetime' | 'int' | 'state' | 'status';
  readonly label: string;
  readonly description: string;
  readonly create?: boolean;
  readonly update?: boolean;
}

function systemColumns(table: TableDef): SystemColumn[] {
  return [
    { name: `${table.schemaName}id`, type: 'primarykey', label: table.displayName.en, description: 'Unique identifier for entity instances', create: true },
    { name: 'createdby', type: 'lookup', label: 'Created By', description: 'Unique identifier of the user who created the record.' },
    { name: 'createdon', type: 'datetime', label: 'Created On', description: 'Date and time when the record was created.' },
    { name: 'createdonbehalfby', type: 'lookup', label: 'Created By (Delegate)', description: 'Unique identifier of the delegate user who created the record.' },
    { name: 'modifiedby', type: 'lookup', label: 'Modified By', description: 'Unique identifier of the user who modified the record.' },
    { name: 'modifiedon', type: 'datetime', label: 'Modified On', description: 'Date and time when the record was modified.' },
    { name: 'modifiedonbehalfby', type: 'lookup', label: 'Modified By (Delegate)', description: 'Unique identifier of the delegate user who modified the record.' },
    { name: 'organizationid', type: 'lookup', label: 'Organization Id', description: 'Unique identifier for the organization' },
    { name: 'statecode', type: 'state', label: 'Status', description: `Status of the ${table.displayName.en}`, update: true },
    { name: 'statuscode', type: 'status', label: 'Status Reason', description: `Reason for the status of the ${table.displayName.en}`, create: true, update: true },
    { name: 'importsequencenumber', type: 'int', label: 'Import Sequence Number', description: 'Sequence number of the import that created this record.', create: true },
    { name: 'overriddencreatedon', type: 'datetime', label: 'Record Created On', description: 'Date and time that the record was migrated.', create: true },
    { name: 'timezoneruleversionnumber', type: 'int', label: 'Time Zone Rule Version Number', description: 'For internal use only.', create: true, update: true },
    { name: 'utcconversiontimezonecode', type: 'int', label: 'UTC Conversion Time Zone Code', description: 'Time zone code that was in use when the record was created.', create: true, update: true },
  ];
}

function common(a: Node, name: string, custom: boolean, api: { create: boolean; update: boolean }, requiredLevel: string, displayMask: string): void {
  fields(a, [
    ['Name', name],
    ['LogicalName', name],
    ['RequiredLevel', requiredLevel],
    ['DisplayMask', displayMask],
    ['ImeMode', 'auto'],
    ...(api.update ? [['ValidForUpdateApi', '1'] as const] : []),
    ['ValidForReadApi', '1'],
    ...(api.create ? [['ValidForCreateApi', '1'] as const] : []),
    ['IsCustomField', bit(custom)],
    ['IsAuditEnabled', '0'],
    ['IsSecured', '0'],
    ['IntroducedVersion', '1.0.0.0'],
    ['IsCustomizable', '1'],
    ['IsRenameable', '1'],
    ['CanModifySearchSettings', '1'],
    ['CanModifyRequirementLevelSettings', bit(custom)],
    ['CanModifyAdditionalSettings', '1'],
    ['SourceType', '0'],
    ['IsGlobalFilterEnabled', '0'],
    ['IsSortableEnabled', '0'],
    ['CanModifyGlobalFilterSettings', '1'],
    ['CanModifyIsSortableSettings', '1'],
    ['IsDataSourceSecret', '0'],
  ]);
}

function texts(a: Node, displayName: Localized, description: Localized): void {
  labelList(a, 'displaynames', 'displayname', displayName);
  labelList(a, 'Descriptions', 'Description', description);
}

function optionSetHeader(o: Node, type: string, displayName: Localized, description: Localized): void {
  fields(o, [['OptionSetType', type], ['IntroducedVersion', '1.0.0.0'], ['IsCustomizable', '1']]);
  texts(o, displayName, description);
}

function systemColumn(attrs: Node, table: TableDef, c: SystemColumn): void {
  const a = attrs.ele('attribute', { PhysicalName: c.name });
  a.ele('Type').txt(c.type);
  const mask = c.type === 'primarykey' ? 'ValidForAdvancedFind|RequiredForGrid' : 'ValidForAdvancedFind|ValidForForm|ValidForGrid';
  const required = c.type === 'primarykey' || c.type === 'state' || c.type === 'status' ? 'systemrequired' : 'none';
  common(a, c.name, false, { create: c.create ?? false, update: c.update ?? false }, required, mask);
  if (c.type === 'lookup') fields(a, [['LookupStyle', 'single']]).ele('LookupTypes');
  if (c.type === 'datetime') fields(a, [['Format', c.name === 'overriddencreatedon' ? 'date' : 'datetime'], ['CanChangeDateTimeBehavior', '0'], ['Behavior', '1']]);
  if (c.type === 'int') fields(a, [['Format', 'none'], ['MinValue', -2147483648], ['MaxValue', 2147483647]]);
  if (c.type === 'state') {
    const o = a.ele('optionset', { Name: `${table.schemaName}_statecode` });
    optionSetHeader(o, 'state', { en: 'Status' }, { en: `Status of the ${table.displayName.en}` });
    const states = o.ele('states');
    for (const [value, status, label] of [[0, 1, 'Active'], [1, 2, 'Inactive']] as const) {
      states.ele('state', { value: String(value), defaultstatus: String(status), invariantname: label }).ele('labels').ele('label', { description: label, languagecode: '1033' });
    }
  }
  if (c.type === 'status') {
    const o = a.ele('optionset', { Name: `${table.schemaName}_statuscode` });
    optionSetHeader(o, 'status', { en: 'Status Reason' }, { en: `Reason for the status of the ${table.displayName.en}` });
    const statuses = o.ele('statuses');
    for (const [value, state, label] of [[1, 0, 'Active'], [2, 1, 'Inactive']] as const) {
      statuses.ele('status', { value: String(value), state: String(state) }).ele('labels').ele('label', { description: label, languagecode: '1033' });
    }
  }
  texts(a, { en: c.label }, { en: c.description });
}

function customColumn(attrs: Node, table: TableDef, c: ColumnDef, primaryName: boolean): void {
  const a = attrs.ele('attribute', { PhysicalName: c.schemaName });
  const type = { text: 'nvarchar', memo: 'ntext', integer: 'int', datetime: 'datetime', choice: 'picklist' }[c.kind];
  a.ele('Type').txt(type);
  const mask = primaryName
    ? 'PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm'
    : 'ValidForAdvancedFind|ValidForForm|ValidForGrid';
  common(a, c.schemaName, true, { create: true, update: true }, c.requiredLevel ?? 'none', mask);
  switch (c.kind) {
    case 'text':
      fields(a, [['Format', c.format ?? 'text'], ['MaxLength', c.maxLength], ['Length', c.maxLength * 2]]);
      break;
    case 'memo':
      fields(a, [['Format', 'textarea'], ['MaxLength', c.maxLength], ['Length', c.maxLength * 2]]);
      break;
    case 'integer':
      fields(a, [['Format', 'none'], ['MinValue', c.min], ['MaxValue', c.max]]);
      break;
    case 'datetime':
      fields(a, [['Format', 'datetime'], ['CanChangeDateTimeBehavior', '1'], ['Behavior', '1']]);
      break;
    case 'choice': {
      fields(a, [['AppDefaultValue', c.defaultValue ?? -1]]);
      const o = a.ele('optionset', { Name: `${table.schemaName}_${c.schemaName}` });
      optionSetHeader(o, 'picklist', c.displayName, c.description);
      const options = o.ele('options');
      for (const opt of c.options) labelList(options.ele('option', { value: String(opt.value) }), 'labels', 'label', opt.label);
      break;
    }
  }
  texts(a, c.displayName, c.description);
}

/** `<attributes>` of a custom table: platform columns, then the primary name, then the table's columns. */
export function writeAttributes(entity: Node, table: TableDef): void {
  const attrs = entity.ele('attributes');
  for (const c of systemColumns(table)) systemColumn(attrs, table, c);
  customColumn(attrs, table, table.primaryName, true);
  for (const c of table.columns) customColumn(attrs, table, c, false);
}
