/**
 * RibbonDiffXml → the buttons of one location, with their command (JavaScriptFunction actions and
 * their parameters) and enable rules resolved from the diff's RuleDefinitions. Pure; parsed with
 * fast-xml-parser. Supported enable rules: FormStateRule, CustomRule, SelectionCountRule; any other
 * rule element is kept as `unsupported` (the host then leaves the button enabled and says so in a
 * tooltip). OOB rule ids (`Mscrm.*`) referenced without a definition count as satisfied.
 */
import { XMLParser } from 'fast-xml-parser';
import { LOC_LABEL_DIRECTIVE } from './constants';

export interface RibbonParameter { kind: 'crm' | 'string' | 'bool' | 'int' | 'decimal'; value: string }
export interface JsAction { library: string; functionName: string; parameters: RibbonParameter[] }
export type EnableRule =
  | { kind: 'formState'; state: string; invert: boolean }
  | { kind: 'custom'; library: string; functionName: string; parameters: RibbonParameter[]; default: boolean; invert: boolean }
  | { kind: 'selectionCount'; minimum?: number; maximum?: number }
  | { kind: 'unsupported'; element: string };
export interface RibbonButton {
  id: string; sequence: number; label: string; tooltip: string; image?: string;
  command: string; actions: JsAction[]; enableRules: EnableRule[];
}

type Node = Record<string, unknown>;
const ARRAYS = new Set(['CustomAction', 'Button', 'CommandDefinition', 'EnableRule', 'JavaScriptFunction', 'CrmParameter', 'StringParameter',
  'BoolParameter', 'IntParameter', 'DecimalParameter', 'LocLabel', 'Title', 'FormStateRule', 'CustomRule', 'SelectionCountRule']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ARRAYS.has(name), parseAttributeValue: false });
const PARAM_KINDS: Array<[string, RibbonParameter['kind']]> = [['CrmParameter', 'crm'], ['StringParameter', 'string'], ['BoolParameter', 'bool'], ['IntParameter', 'int'], ['DecimalParameter', 'decimal']];
const RULE_ELEMENTS = ['FormStateRule', 'CustomRule', 'SelectionCountRule'];

const obj = (v: unknown): Node => (v && typeof v === 'object' ? v as Node : {});
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : v === undefined || v === '' ? [] : [obj(v)]);
const str = (n: Node, a: string): string => (typeof n[`@${a}`] === 'string' ? n[`@${a}`] as string : '');
const bool = (n: Node, a: string): boolean => str(n, a).toLowerCase() === 'true';
const num = (n: Node, a: string): number | undefined => (str(n, a) === '' ? undefined : Number(str(n, a)));

/** Parameters in document order within each kind (CrmParameter first); the solution uses CrmParameter only. */
function parameters(n: Node): RibbonParameter[] {
  return PARAM_KINDS.flatMap(([el, kind]) => list(n[el]).map((p) => ({ kind, value: str(p, 'Value') })));
}

function labels(diff: Node, lcid: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of list(obj(diff.LocLabels).LocLabel)) {
    const titles = list(obj(l.Titles).Title);
    const t = titles.find((x) => str(x, 'languagecode') === String(lcid)) ?? titles.find((x) => str(x, 'languagecode') === '1033') ?? titles[0];
    if (t) out.set(str(l, 'Id'), str(t, 'description'));
  }
  return out;
}

function resolveRules(diff: Node, ids: string[]): EnableRule[] {
  const defined = new Map(list(obj(obj(diff.RuleDefinitions).EnableRules).EnableRule).map((r) => [str(r, 'Id'), r]));
  const rules: EnableRule[] = [];
  for (const id of ids) {
    const def = defined.get(id);
    if (!def) {
      if (!id.startsWith('Mscrm.')) rules.push({ kind: 'unsupported', element: `EnableRule ${id} (not defined)` });
      continue;
    }
    for (const r of list(def.FormStateRule)) rules.push({ kind: 'formState', state: str(r, 'State'), invert: bool(r, 'InvertResult') });
    for (const r of list(def.CustomRule)) {
      rules.push({ kind: 'custom', library: str(r, 'Library'), functionName: str(r, 'FunctionName'), parameters: parameters(r), default: str(r, 'Default') !== 'false', invert: bool(r, 'InvertResult') });
    }
    for (const r of list(def.SelectionCountRule)) rules.push({ kind: 'selectionCount', minimum: num(r, 'Minimum'), maximum: num(r, 'Maximum') });
    for (const el of Object.keys(def).filter((k) => !k.startsWith('@') && !RULE_ELEMENTS.includes(k) && k !== '#text')) rules.push({ kind: 'unsupported', element: el });
  }
  return rules;
}

/** The buttons a RibbonDiffXml adds at `location` (e.g. `Mscrm.Form.msdyn_project.MainTab.Save.Controls._children`). */
export function ribbonButtons(ribbonDiffXml: string, location: string, lcid: number): RibbonButton[] {
  const diff = obj(obj(parser.parse(ribbonDiffXml)).RibbonDiffXml);
  const loc = labels(diff, lcid);
  const text = (v: string): string => (v.startsWith(LOC_LABEL_DIRECTIVE) ? loc.get(v.slice(LOC_LABEL_DIRECTIVE.length)) ?? v : v);
  const commands = new Map(list(obj(diff.CommandDefinitions).CommandDefinition).map((c) => [str(c, 'Id'), c]));
  const buttons: RibbonButton[] = [];
  for (const action of list(obj(diff.CustomActions).CustomAction).filter((a) => str(a, 'Location') === location)) {
    for (const b of list(obj(action.CommandUIDefinition).Button)) {
      const command = commands.get(str(b, 'Command'));
      buttons.push({
        id: str(b, 'Id'), sequence: num(b, 'Sequence') ?? num(action, 'Sequence') ?? 0,
        label: text(str(b, 'LabelText')), tooltip: text(str(b, 'ToolTipDescription')), image: str(b, 'ModernImage') || undefined,
        command: str(b, 'Command'),
        actions: list(obj(command?.Actions).JavaScriptFunction).map((f) => ({ library: str(f, 'Library'), functionName: str(f, 'FunctionName'), parameters: parameters(f) })),
        enableRules: command ? resolveRules(diff, list(obj(command.EnableRules).EnableRule).map((r) => str(r, 'Id'))) : [{ kind: 'unsupported', element: `CommandDefinition ${str(b, 'Command')} (not defined)` }],
      });
    }
  }
  return buttons.sort((a, b) => a.sequence - b.sequence);
}
