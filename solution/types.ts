/** The solution as typed data (STYLE §5). The pack step serializes exactly this, nothing else. */

/** A text in the languages we ship; English is required, French optional (falls back to English). */
export interface Localized {
  readonly en: string;
  readonly fr?: string;
}

export interface ChoiceOption {
  readonly value: number;
  readonly label: Localized;
}

interface ColumnBase {
  /** Logical name (lower case, publisher prefix). */
  readonly schemaName: string;
  readonly displayName: Localized;
  readonly description: Localized;
  readonly requiredLevel?: 'none' | 'recommended' | 'required';
}

export interface TextColumn extends ColumnBase {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly format?: 'text' | 'url';
}
export interface MemoColumn extends ColumnBase {
  readonly kind: 'memo';
  readonly maxLength: number;
}
export interface IntegerColumn extends ColumnBase {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
}
export interface DateTimeColumn extends ColumnBase {
  readonly kind: 'datetime';
}
export interface ChoiceColumn extends ColumnBase {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption[];
  readonly defaultValue?: number;
}
export type ColumnDef = TextColumn | MemoColumn | IntegerColumn | DateTimeColumn | ChoiceColumn;

export interface AlternateKeyDef {
  readonly schemaName: string;
  readonly displayName: Localized;
  readonly columns: readonly string[];
}

export interface TableDef {
  /** Logical name, e.g. psafo_syncstatus. */
  readonly schemaName: string;
  readonly entitySetName: string;
  readonly displayName: Localized;
  readonly pluralName: Localized;
  readonly description: Localized;
  /** The primary name column (nvarchar). */
  readonly primaryName: TextColumn;
  readonly columns: readonly ColumnDef[];
  readonly alternateKeys: readonly AlternateKeyDef[];
}

export type EnvironmentVariableType = 'String' | 'Number' | 'Boolean' | 'JSON';
export interface EnvironmentVariableDef {
  readonly schemaName: string;
  readonly type: EnvironmentVariableType;
  readonly displayName: Localized;
  readonly description: Localized;
  readonly defaultValue?: string;
  readonly isRequired: boolean;
}

export type CustomApiParameterType = 'Boolean' | 'DateTime' | 'Decimal' | 'Entity' | 'EntityCollection' | 'EntityReference' | 'Float' | 'Integer' | 'Money' | 'Picklist' | 'String' | 'StringArray' | 'Guid';
export interface CustomApiParameterDef {
  readonly uniqueName: string;
  readonly type: CustomApiParameterType;
  readonly displayName: Localized;
  readonly description: Localized;
  readonly isOptional: boolean;
}
export interface CustomApiResponseDef {
  readonly uniqueName: string;
  readonly type: CustomApiParameterType;
  readonly displayName: Localized;
  readonly description: Localized;
}
export interface CustomApiDef {
  readonly uniqueName: string;
  readonly displayName: Localized;
  readonly description: Localized;
  readonly bindingType: 'Global' | 'Entity' | 'EntityCollection';
  readonly isFunction: boolean;
  readonly allowedStepType: 'None' | 'AsyncOnly' | 'SyncAndAsync';
  readonly requestParameters: readonly CustomApiParameterDef[];
  readonly responseProperties: readonly CustomApiResponseDef[];
}

export type WebResourceKind = 'html' | 'css' | 'script' | 'xml' | 'png' | 'jpg' | 'gif' | 'ico' | 'svg' | 'resx';
export interface WebResourceDef {
  /** Web resource name with publisher prefix and virtual folders, e.g. psafo_/scripts/form.js. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly kind: WebResourceKind;
  /** Fixed id: keeps the component identity stable across versions. */
  readonly id: string;
  /** Where the bytes come from: a webpack entry (bundled to out/webresources/<name minus prefix>) or a file copied as is. */
  readonly source: { readonly bundle: string; readonly library: readonly string[] } | { readonly copy: string };
}

export interface ControlDef {
  /** `<prefix>_<namespace>.<constructor>`, e.g. psafo_PsaFoSync.SyncStatus. */
  readonly name: string;
  readonly namespace: string;
  readonly constructorName: string;
  /** Control source folder relative to pcf/, e.g. SyncStatus. */
  readonly sourceFolder: string;
}

export interface RibbonButtonDef {
  readonly entity: string;
  readonly place: 'form' | 'grid';
  readonly sequence: number;
}
export interface RibbonDef {
  readonly library: string;
  readonly image: string;
  readonly formFunction: string;
  readonly gridFunction: string;
  readonly isSavedFunction: string;
  readonly maxGridSelection: number;
  readonly label: Localized;
  readonly tooltip: Localized;
  readonly buttons: readonly RibbonButtonDef[];
}

export interface PublisherDef {
  readonly uniqueName: string;
  readonly displayName: string;
  readonly description: string;
  readonly prefix: string;
  readonly optionValuePrefix: number;
}

export interface SolutionModel {
  readonly uniqueName: string;
  readonly displayName: Localized;
  readonly description: Localized;
  /** major.minor.build.revision */
  readonly version: string;
  readonly publisher: PublisherDef;
  readonly tables: readonly TableDef[];
  /** Out-of-the-box tables we only extend (behavior 2 shells) with the ribbon. */
  readonly extendedTables: readonly { readonly schemaName: string; readonly displayName: string }[];
  readonly environmentVariables: readonly EnvironmentVariableDef[];
  readonly customApis: readonly CustomApiDef[];
  readonly webResources: readonly WebResourceDef[];
  readonly controls: readonly ControlDef[];
  readonly ribbon: RibbonDef;
}
