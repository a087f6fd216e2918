/**
 * What the browser needs to render a form or a grid, built from the table metadata, the imported
 * solution's rows (ribbon diff, web resources, custom control) and the host's form registry. Pure:
 * the caller reads the rows and passes them in; the client script turns the model into DOM.
 */
import type { AttributeDefinition } from '../extensibility';
import type { CompiledTable } from '../schema/registry';
import { navigationName } from '../schema/registry';
import { gridLocation, formLocation, WEB_RESOURCE_DIRECTIVE } from './constants';
import type { ControlFiles } from './control-manifest';
import { COLUMN_LABELS, GRID_COLUMNS, HOSTED_FORMS, type FormEventHandler } from './form-registry';
import { ribbonButtons, type RibbonButton } from './ribbon-model';

export interface ColumnModel {
  name: string; label: string; type: string; maxLength?: number; required: boolean; readOnly: boolean;
  options?: Array<{ value: number; label: string }>;
  /** Lookups: target table → navigation property and entity set (for `@odata.bind` on save). */
  targets?: Record<string, { navigation: string; entitySet: string }>;
}

export interface TableInfo { logicalName: string; entitySetName: string; primaryId: string; primaryName?: string; displayName: string; columns: ColumnModel[] }

export interface SolutionRows {
  ribbonDiffXml?: string;
  /** Names of the web resources that exist. */
  webResources: ReadonlySet<string>;
  control?: ControlFiles;
}

export interface HostContext { tables: (logicalName: string) => CompiledTable | undefined; allTables: CompiledTable[]; lcid: number }

export interface FormModel {
  page: 'form'; table: TableInfo; id: string; ribbon: RibbonButton[];
  libraries: string[]; onLoad: FormEventHandler[]; missingLibraries: string[];
  control?: { files: ControlFiles; column: string; section: string };
  /** Host messages for parts the form registry expects but the environment lacks. */
  problems: string[];
  entitySets: Record<string, string>; labels: Record<string, Record<string, string>>;
}

export interface GridModel { page: 'grid'; table: TableInfo; columns: string[]; ribbon: RibbonButton[]; missingLibraries: string[]; entitySets: Record<string, string> }

const SKIP = new Set(['versionnumber', 'createdby', 'modifiedby', 'statuscode']);

export function humanize(name: string): string {
  const bare = name.replace(/^[a-z]+_/, '').replace(/id$/, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function column(attr: AttributeDefinition, ctx: HostContext): ColumnModel {
  const model: ColumnModel = {
    name: attr.name, label: COLUMN_LABELS[attr.name] ?? attr.displayName ?? humanize(attr.name), type: attr.type,
    required: attr.required === true, readOnly: attr.readOnly === true || attr.type === 'uniqueidentifier',
  };
  if (attr.maxLength !== undefined) model.maxLength = attr.maxLength;
  if (attr.options) model.options = attr.options.map((o) => ({ value: o.value, label: o.label }));
  if (attr.targets) {
    model.targets = {};
    for (const t of attr.targets) model.targets[t] = { navigation: navigationName(attr, t), entitySet: ctx.tables(t)?.entitySetName ?? `${t}s` };
  }
  return model;
}

export function tableInfo(t: CompiledTable, ctx: HostContext): TableInfo {
  // The table's own columns first, then the system columns every table has (as on a main form's footer).
  const own = new Set(t.def.attributes.map((a) => a.name));
  const attrs = [...t.attributes.values()].filter((a) => a.name !== t.primaryId && !SKIP.has(a.name));
  const columns = [...attrs.filter((a) => own.has(a.name)), ...attrs.filter((a) => !own.has(a.name))].map((a) => column(a, ctx));
  return { logicalName: t.logicalName, entitySetName: t.entitySetName, primaryId: t.primaryId, primaryName: t.def.primaryNameAttribute, displayName: t.def.displayName ?? humanize(t.logicalName), columns };
}

/** Libraries the ribbon actions and rules name (`$webresource:x` → x). */
function ribbonLibraries(buttons: RibbonButton[]): string[] {
  const libs = buttons.flatMap((b) => [...b.actions.map((a) => a.library), ...b.enableRules.flatMap((r) => (r.kind === 'custom' ? [r.library] : []))]);
  return [...new Set(libs.map((l) => (l.startsWith(WEB_RESOURCE_DIRECTIVE) ? l.slice(WEB_RESOURCE_DIRECTIVE.length) : l)))];
}

function entitySets(ctx: HostContext): Record<string, string> {
  return Object.fromEntries(ctx.allTables.map((t) => [t.logicalName, t.entitySetName]));
}

export function formModel(t: CompiledTable, id: string, rows: SolutionRows, ctx: HostContext): FormModel {
  const table = tableInfo(t, ctx);
  const hosted = HOSTED_FORMS[t.logicalName];
  const ribbon = rows.ribbonDiffXml ? ribbonButtons(rows.ribbonDiffXml, formLocation(t.logicalName), ctx.lcid) : [];
  const libraries = hosted?.libraries ?? [];
  const problems: string[] = [];
  const missingLibraries = [...libraries, ...ribbonLibraries(ribbon)].filter((l) => !rows.webResources.has(l));
  for (const l of missingLibraries) problems.push(`The web resource ${l} is not in this environment: import the solution that contains it.`);
  let control: FormModel['control'];
  if (hosted?.control && table.primaryName) {
    if (rows.control) control = { files: rows.control, column: table.primaryName, section: hosted.control.section };
    else problems.push(`The control ${hosted.control.name} is not in this environment: the column ${table.primaryName} is shown as plain text.`);
  }
  return {
    page: 'form', table, id, ribbon, libraries, onLoad: hosted?.onLoad ?? [], missingLibraries, control, problems,
    entitySets: entitySets(ctx),
    labels: { [t.logicalName]: Object.fromEntries(table.columns.map((c) => [c.name, c.label])) },
  };
}

export function gridModel(t: CompiledTable, rows: SolutionRows, ctx: HostContext): GridModel {
  const table = tableInfo(t, ctx);
  const ribbon = rows.ribbonDiffXml ? ribbonButtons(rows.ribbonDiffXml, gridLocation(t.logicalName), ctx.lcid) : [];
  const known = new Set(table.columns.map((c) => c.name));
  const columns = (GRID_COLUMNS[t.logicalName] ?? [table.primaryName ?? '', 'createdon']).filter((c) => known.has(c));
  return { page: 'grid', table, columns, ribbon, missingLibraries: ribbonLibraries(ribbon).filter((l) => !rows.webResources.has(l)), entitySets: entitySets(ctx) };
}
