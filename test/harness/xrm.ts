/**
 * The one fake of the model-driven client API for tests of the PSA-side code:
 * - FakeWebApi: an in-memory Xrm.WebApi / PCF context.webAPI that evaluates the OData query
 *   options our code sends ($select, $filter with eq/ne/and, $orderby, $top, maxPageSize),
 *   records every call, can fail a table with a given error, and answers `execute`;
 * - createFormHarness: xrm-mock's form (attributes, controls, notifications) plus the parts
 *   xrm-mock leaves unimplemented (form type, dirty flag, save, refresh, dialogs, progress).
 */
import { XrmMockGenerator } from 'xrm-mock';

export type Row = Record<string, unknown>;

export interface WebApiCall {
  readonly method: 'retrieveMultipleRecords' | 'execute';
  readonly table?: string;
  readonly options?: string;
  readonly maxPageSize?: number;
  readonly request?: unknown;
}

export interface ExecuteAnswer { ok: boolean; status: number; statusText: string }

/** A Dataverse-style client error as Xrm.WebApi rejects with it. */
export function dataverseError(errorCode: number, message: string): { errorCode: number; message: string } {
  return { errorCode, message };
}

interface Clause { field: string; op: 'eq' | 'ne'; value: string | number | null }

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "'") quoted = !quoted;
    if (!quoted && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseClause(text: string): Clause {
  const m = /^(\w+) (eq|ne) (.+)$/.exec(text.trim());
  if (!m) throw new Error(`FakeWebApi: unsupported $filter clause "${text}"`);
  const raw = m[3].trim();
  let value: string | number | null;
  if (raw === 'null') value = null;
  else if (raw.startsWith("'") && raw.endsWith("'")) value = raw.slice(1, -1).replace(/''/g, "'");
  else if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
  else throw new Error(`FakeWebApi: unsupported literal ${raw}`);
  return { field: m[1], op: m[2] as Clause['op'], value };
}

function matches(row: Row, clause: Clause): boolean {
  const actual = row[clause.field] ?? null;
  const same = typeof actual === 'string' && typeof clause.value === 'string'
    ? actual.toLowerCase() === clause.value.toLowerCase()
    : actual === clause.value;
  return clause.op === 'eq' ? same : !same;
}

export function parseOptions(options: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const text = (options ?? '').replace(/^\?/, '');
  for (const part of splitOutsideQuotes(text, '&')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`FakeWebApi: bad query option "${part}"`);
    out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

export class FakeWebApi {
  readonly calls: WebApiCall[] = [];
  private readonly tables = new Map<string, Row[]>();
  private readonly failures = new Map<string, unknown>();
  private executeAnswer: (request: unknown) => Promise<ExecuteAnswer> = async () => ({ ok: true, status: 204, statusText: 'No Content' });

  put(table: string, ...rows: Row[]): this {
    this.tables.set(table, [...(this.tables.get(table) ?? []), ...rows]);
    return this;
  }

  clear(table: string): this {
    this.tables.delete(table);
    return this;
  }

  /** Every retrieve of `table` rejects with `error` until heal(table). */
  fail(table: string, error: unknown): this {
    this.failures.set(table, error);
    return this;
  }

  heal(table: string): this {
    this.failures.delete(table);
    return this;
  }

  onExecute(answer: (request: unknown) => Promise<ExecuteAnswer>): this {
    this.executeAnswer = answer;
    return this;
  }

  retrieves(table: string): WebApiCall[] {
    return this.calls.filter((c) => c.method === 'retrieveMultipleRecords' && c.table === table);
  }

  executed(): unknown[] {
    return this.calls.filter((c) => c.method === 'execute').map((c) => c.request);
  }

  readonly retrieveMultipleRecords = async (table: string, options?: string, maxPageSize?: number): Promise<{ entities: Row[]; nextLink?: string }> => {
    this.calls.push({ method: 'retrieveMultipleRecords', table, options, maxPageSize });
    await Promise.resolve();
    if (this.failures.has(table)) throw this.failures.get(table);
    const q = parseOptions(options);
    const filter = q.get('$filter');
    const clauses = filter ? splitOutsideQuotes(filter, ' and ').map(parseClause) : [];
    let rows = (this.tables.get(table) ?? []).filter((row) => clauses.every((c) => matches(row, c)));
    const orderBy = q.get('$orderby');
    if (orderBy) {
      const [field, dir] = orderBy.split(' ');
      const sign = dir === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => (String(a[field] ?? '') < String(b[field] ?? '') ? -sign : String(a[field] ?? '') > String(b[field] ?? '') ? sign : 0));
    }
    const top = q.get('$top');
    if (top) rows = rows.slice(0, Number(top));
    const select = q.get('$select')?.split(',');
    const expand = q.get('$expand')?.replace(/\(.*\)$/, '');
    const shaped = rows.map((row) => {
      if (!select) return { ...row };
      const out: Row = {};
      for (const [key, value] of Object.entries(row)) {
        const base = key.split('@')[0];
        if (select.includes(base) || base === expand || key.endsWith('id') && key === `${table}id`) out[key] = value;
      }
      return out;
    });
    if (maxPageSize && shaped.length > maxPageSize) return { entities: shaped.slice(0, maxPageSize), nextLink: `fake://${table}?page=2` };
    return { entities: shaped };
  };

  readonly execute = async (request: unknown): Promise<ExecuteAnswer> => {
    this.calls.push({ method: 'execute', request });
    await Promise.resolve();
    return this.executeAnswer(request);
  };
}

export interface FormField { readonly name: string; readonly label: string; readonly value?: string }

export interface FormHarnessOptions {
  readonly entityName: string;
  /** Braced GUID as the form returns it; '' on a create form. */
  readonly id: string;
  /** 1 = Create, 2 = Update, 3 = Read only, 4 = Disabled. */
  readonly formType?: number;
  readonly fields?: readonly FormField[];
  readonly dirty?: boolean;
  readonly languageId?: number;
  readonly webApi?: FakeWebApi;
  /** What the confirm dialog answers (dirty-form prompt). */
  readonly confirm?: boolean;
  /** Makes formContext.data.save() reject with this error. */
  readonly saveError?: unknown;
}

export interface FormHarness {
  readonly xrm: typeof Xrm;
  readonly formContext: Xrm.FormContext;
  readonly eventContext: Xrm.Events.EventContext;
  readonly webApi: FakeWebApi;
  readonly dialogs: { kind: 'alert' | 'confirm' | 'error'; options: Record<string, unknown> }[];
  readonly progress: { shown: string[]; closed: number };
  readonly saves: { count: number };
  readonly refreshes: { count: number };
  notifications(): { message: string; level: string; uniqueId: string }[];
  isDisabled(column: string): boolean;
}

export function createFormHarness(options: FormHarnessOptions): FormHarness {
  const xrm = XrmMockGenerator.initialise({ entity: { entityName: options.entityName, id: options.id } }) as unknown as typeof Xrm;
  for (const f of options.fields ?? []) {
    XrmMockGenerator.Attribute.createString({ name: f.name, value: f.value ?? '' }, [{ name: f.name, label: f.label, disabled: false }]);
  }
  const formContext = XrmMockGenerator.getFormContext() as unknown as Xrm.FormContext;
  const webApi = options.webApi ?? new FakeWebApi();
  const dialogs: FormHarness['dialogs'] = [];
  const progress = { shown: [] as string[], closed: 0 };
  const saves = { count: 0 };
  const refreshes = { count: 0 };
  let dirty = options.dirty ?? false;

  const ui = formContext.ui as unknown as Record<string, unknown>;
  ui.getFormType = () => options.formType ?? (options.id === '' ? 1 : 2);
  const data = formContext.data as unknown as Record<string, unknown>;
  data.getIsDirty = () => dirty;
  data.save = async () => {
    saves.count += 1;
    if (options.saveError !== undefined) throw options.saveError;
    dirty = false;
  };
  data.refresh = async () => { refreshes.count += 1; };

  const x = xrm as unknown as Record<string, Record<string, unknown>>;
  x.WebApi = Object.assign(Object.create(null), {
    retrieveMultipleRecords: webApi.retrieveMultipleRecords,
    online: { retrieveMultipleRecords: webApi.retrieveMultipleRecords, execute: webApi.execute },
  });
  x.Navigation = {
    openAlertDialog: async (o: Record<string, unknown>) => { dialogs.push({ kind: 'alert', options: o }); },
    openConfirmDialog: async (o: Record<string, unknown>) => { dialogs.push({ kind: 'confirm', options: o }); return { confirmed: options.confirm ?? true }; },
    openErrorDialog: async (o: Record<string, unknown>) => { dialogs.push({ kind: 'error', options: o }); },
  };
  const utility = x.Utility;
  utility.showProgressIndicator = (text: string) => { progress.shown.push(text); };
  utility.closeProgressIndicator = () => { progress.closed += 1; };
  (XrmMockGenerator.context.userSettings as unknown as { languageId: number }).languageId = options.languageId ?? 1033;

  return {
    xrm,
    formContext,
    eventContext: XrmMockGenerator.getEventContext() as unknown as Xrm.Events.EventContext,
    webApi,
    dialogs,
    progress,
    saves,
    refreshes,
    notifications: () => [...((formContext.ui as unknown as { formNotifications?: { message: string; level: string; uniqueId: string }[] }).formNotifications ?? [])],
    isDisabled: (column) => {
      const controls: Xrm.Controls.StandardControl[] = [];
      formContext.getAttribute(column)?.controls.forEach((c) => { controls.push(c as Xrm.Controls.StandardControl); });
      return controls.length > 0 && controls.every((c) => c.getDisabled());
    },
  };
}

/** A home/sub grid control as the ribbon passes it (SelectedControl). */
export function createGridControl(entityName: string): Xrm.Controls.GridControl & { refreshCount: number } {
  const grid = {
    refreshCount: 0,
    getEntityName: () => entityName,
    refresh() { grid.refreshCount += 1; },
  };
  return grid as unknown as Xrm.Controls.GridControl & { refreshCount: number };
}
