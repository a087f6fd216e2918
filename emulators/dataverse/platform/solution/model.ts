/** What a solution zip holds, as read by `readSolutionPackage`: plain data, no XML. */

export interface PublisherDef {
  uniqueName: string;
  friendlyName: string;
  customizationPrefix: string;
  customizationOptionValuePrefix?: number;
}

export interface SolutionManifest {
  uniqueName: string;
  friendlyName: string;
  version: string;
  managed: boolean;
  publisher: PublisherDef;
  rootComponents: Array<{ type: number; schemaName?: string; id?: string; behavior: number }>;
}

export interface OptionDef { value: number; label: string }

export interface ColumnDef {
  logicalName: string;
  /** CrmDataType of customizations.xml (nvarchar, ntext, int, picklist, datetime, lookup, ...). */
  type: string;
  displayName?: string;
  requiredLevel?: string;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  precision?: number;
  format?: string;
  /** DisplayMask contains `PrimaryName`: the table's primary name column. */
  isPrimaryName?: boolean;
  options?: OptionDef[];
  /** For lookups: target table logical names (from LookupTypes when present). */
  targets?: string[];
}

export interface AlternateKeyDef { logicalName: string; displayName?: string; columns: string[] }

export interface TableDef {
  logicalName: string;
  schemaName: string;
  entitySetName: string;
  displayName?: string;
  displayCollectionName?: string;
  primaryIdAttribute: string;
  primaryNameAttribute?: string;
  columns: ColumnDef[];
  alternateKeys: AlternateKeyDef[];
  changeTrackingEnabled: boolean;
  ownership: 'UserOwned' | 'OrganizationOwned';
  /** True when the package carries the table's full definition (EntityInfo), false for a shell. */
  hasDefinition: boolean;
}

export interface RibbonDef { entity: string; ribbonDiffXml: string }

export interface WebResourceDef {
  id?: string;
  name: string;
  displayName?: string;
  description?: string;
  webResourceType: number;
  languageCode?: number;
  fileName: string;
  contentBase64: string;
}

export interface CustomControlDef {
  name: string;
  manifestFileName: string;
  manifestXml: string;
  version?: string;
  /** Every file of the control folder (manifest, bundle.js, css, resx, ...), path relative to the folder. */
  files: Array<{ path: string; contentBase64: string }>;
}

export interface EnvironmentVariableDef {
  schemaName: string;
  displayName?: string;
  description?: string;
  type: number;
  defaultValue?: string;
  isRequired: boolean;
  secretStore: number;
  /** From `environmentvariablevalues.json` beside the definition, when the package ships one. */
  value?: { id?: string; value: string };
}

export interface CustomApiFieldDef {
  uniqueName: string;
  name: string;
  displayName?: string;
  description?: string;
  type: number;
  isOptional: boolean;
  logicalEntityName?: string;
}

export interface CustomApiDef {
  uniqueName: string;
  name: string;
  displayName?: string;
  description?: string;
  bindingType: number;
  boundEntityLogicalName?: string;
  isFunction: boolean;
  isPrivate: boolean;
  allowedCustomProcessingStepType: number;
  executePrivilegeName?: string;
  requestParameters: CustomApiFieldDef[];
  responseProperties: CustomApiFieldDef[];
}

export interface SolutionPackage {
  manifest: SolutionManifest;
  tables: TableDef[];
  ribbons: RibbonDef[];
  webResources: WebResourceDef[];
  customControls: CustomControlDef[];
  environmentVariables: EnvironmentVariableDef[];
  customApis: CustomApiDef[];
}
