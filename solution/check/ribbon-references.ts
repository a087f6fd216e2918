import { create } from 'xmlbuilder2';
import type { Problem } from './types';

const FILE = 'customizations.xml';
const LOC_LABEL_REF = '$LocLabels:';
/** Out-of-the-box ribbon ids (commands, rules) that a RibbonDiffXml may use without defining them. */
const OOB_PREFIX = 'Mscrm.';

interface RibbonIds {
  readonly label: string;
  readonly locLabels: Set<string>;
  readonly commands: Set<string>;
  readonly enableRules: Set<string>;
  readonly displayRules: Set<string>;
  readonly refs: { kind: 'label' | 'command' | 'enable' | 'display'; id: string; where: string }[];
}

type XNode = ReturnType<typeof create>;

function collect(ribbon: XNode, label: string): RibbonIds {
  const ids: RibbonIds = { label, locLabels: new Set(), commands: new Set(), enableRules: new Set(), displayRules: new Set(), refs: [] };
  ribbon.each((n) => {
    const el = n.node as unknown as Element;
    if (el.nodeType !== 1) return;
    const name = el.nodeName;
    const parent = (el.parentNode as Element | null)?.nodeName ?? '';
    const grand = ((el.parentNode as Element | null)?.parentNode as Element | null)?.nodeName ?? '';
    const id = el.getAttribute('Id');
    if (name === 'LocLabel' && id) ids.locLabels.add(id);
    if (name === 'CommandDefinition' && id) ids.commands.add(id);
    // Rule definitions live under RuleDefinitions; rule references live under CommandDefinition.
    if (name === 'EnableRule' && id && grand === 'RuleDefinitions') ids.enableRules.add(id);
    if (name === 'DisplayRule' && id && grand === 'RuleDefinitions') ids.displayRules.add(id);
    if (name === 'EnableRule' && id && grand === 'CommandDefinition') ids.refs.push({ kind: 'enable', id, where: `command ${(el.parentNode?.parentNode as Element).getAttribute('Id')}` });
    if (name === 'DisplayRule' && id && grand === 'CommandDefinition') ids.refs.push({ kind: 'display', id, where: `command ${(el.parentNode?.parentNode as Element).getAttribute('Id')}` });
    const command = el.getAttribute('Command');
    if (command && parent !== 'CommandDefinitions') ids.refs.push({ kind: 'command', id: command, where: `${name} ${id ?? ''}`.trim() });
    for (const attr of Array.from(el.attributes)) {
      if (attr.value.startsWith(LOC_LABEL_REF)) ids.refs.push({ kind: 'label', id: attr.value.slice(LOC_LABEL_REF.length), where: `${name} ${id ?? ''} @${attr.name}`.replace(/\s+/g, ' ') });
    }
  }, false, true);
  return ids;
}

/**
 * Inside each RibbonDiffXml: every $LocLabels: reference has its LocLabel (a missing one is the
 * most common ribbon import failure), every button command and every rule a command uses is
 * defined there or is an out-of-the-box Mscrm.* id.
 */
export function checkRibbonReferences(source: string): Problem[] {
  const problems: Problem[] = [];
  const doc = create(source);
  doc.root().each((node) => {
    if (node.node.nodeName !== 'RibbonDiffXml') return;
    const parent = node.up();
    const nameNode = parent.node.nodeName === 'Entity' ? parent.find((n) => n.node.nodeName === 'Name', false, false) : undefined;
    const label = nameNode ? `entity ${nameNode.node.textContent ?? '?'}` : 'application';
    const ids = collect(node, label);
    for (const ref of ids.refs) {
      const defined =
        ref.kind === 'label' ? ids.locLabels.has(ref.id)
          : ref.kind === 'command' ? ids.commands.has(ref.id) || ref.id.startsWith(OOB_PREFIX)
            : ref.kind === 'enable' ? ids.enableRules.has(ref.id) || ref.id.startsWith(OOB_PREFIX)
              : ids.displayRules.has(ref.id) || ref.id.startsWith(OOB_PREFIX);
      if (!defined) {
        const what = { label: 'LocLabel', command: 'CommandDefinition', enable: 'EnableRule', display: 'DisplayRule' }[ref.kind];
        problems.push({ file: FILE, code: 'RIBBON_UNDEFINED_ID', message: `RibbonDiffXml of ${label}: ${ref.where} refers to ${what} "${ref.id}", which is not defined in this RibbonDiffXml.` });
      }
    }
  }, false, true);
  return problems;
}
