import type { RibbonButtonDef, RibbonDef } from '../../solution/types';
import { labels, type Node } from './xml';

/** Ribbon ids are prefixed with the publisher (solution-format §3.2). */
const ID_PREFIX = 'psafo';

export function ribbonIds(entity: string) {
  const base = `${ID_PREFIX}.${entity}`;
  return {
    formAction: `${base}.Form.SyncNow.CustomAction`,
    formButton: `${base}.Form.SyncNow.Button`,
    formCommand: `${base}.Form.SyncNow.Command`,
    gridAction: `${base}.HomepageGrid.SyncNow.CustomAction`,
    gridButton: `${base}.HomepageGrid.SyncNow.Button`,
    gridCommand: `${base}.HomepageGrid.SyncNow.Command`,
    savedRule: `${base}.IsSavedRecord.EnableRule`,
    selectionRule: `${base}.Selection.EnableRule`,
    label: `${base}.SyncNow.LabelText`,
    tooltip: `${base}.SyncNow.ToolTip`,
  };
}

export function ribbonLocation(entity: string, place: RibbonButtonDef['place']): string {
  return place === 'form' ? `Mscrm.Form.${entity}.MainTab.Save.Controls._children` : `Mscrm.HomepageGrid.${entity}.MainTab.Management.Controls._children`;
}

/** An empty entity ribbon as Dataverse exports it for a table with no ribbon changes. */
export function emptyRibbon(entity: Node): void {
  const r = entity.ele('RibbonDiffXml');
  r.ele('CustomActions');
  r.ele('Templates').ele('RibbonTemplates', { Id: 'Mscrm.Templates' });
  r.ele('CommandDefinitions');
  const rules = r.ele('RuleDefinitions');
  rules.ele('TabDisplayRules');
  rules.ele('DisplayRules');
  rules.ele('EnableRules');
  r.ele('LocLabels');
}

/**
 * "Sync now" on the main form (PrimaryControl, enabled on saved records) and the home grid
 * (selected ids + grid control, enabled for 1..max selected rows) of one table.
 */
export function syncNowRibbon(entityNode: Node, entity: string, ribbon: RibbonDef): void {
  const buttons = ribbon.buttons.filter((b) => b.entity === entity);
  const ids = ribbonIds(entity);
  const lib = `$webresource:${ribbon.library}`;
  const r = entityNode.ele('RibbonDiffXml');

  const actions = r.ele('CustomActions');
  for (const b of buttons) {
    const form = b.place === 'form';
    actions
      .ele('CustomAction', { Id: form ? ids.formAction : ids.gridAction, Location: ribbonLocation(entity, b.place), Sequence: String(b.sequence) })
      .ele('CommandUIDefinition')
      .ele('Button', {
        Id: form ? ids.formButton : ids.gridButton,
        Command: form ? ids.formCommand : ids.gridCommand,
        Sequence: String(b.sequence),
        LabelText: `$LocLabels:${ids.label}`,
        Alt: `$LocLabels:${ids.label}`,
        ToolTipTitle: `$LocLabels:${ids.label}`,
        ToolTipDescription: `$LocLabels:${ids.tooltip}`,
        TemplateAlias: 'o1',
        ModernImage: `$webresource:${ribbon.image}`,
      });
  }
  r.ele('Templates').ele('RibbonTemplates', { Id: 'Mscrm.Templates' });

  const commands = r.ele('CommandDefinitions');
  for (const b of buttons) {
    const form = b.place === 'form';
    const cmd = commands.ele('CommandDefinition', { Id: form ? ids.formCommand : ids.gridCommand });
    cmd.ele('EnableRules').ele('EnableRule', { Id: form ? ids.savedRule : ids.selectionRule });
    cmd.ele('DisplayRules');
    const fn = cmd.ele('Actions').ele('JavaScriptFunction', { Library: lib, FunctionName: form ? ribbon.formFunction : ribbon.gridFunction });
    if (form) fn.ele('CrmParameter', { Value: 'PrimaryControl' });
    else {
      fn.ele('CrmParameter', { Value: 'SelectedControlSelectedItemIds' });
      fn.ele('CrmParameter', { Value: 'SelectedControl' });
    }
  }

  const rules = r.ele('RuleDefinitions');
  rules.ele('TabDisplayRules');
  rules.ele('DisplayRules');
  const enable = rules.ele('EnableRules');
  if (buttons.some((b) => b.place === 'form')) {
    const saved = enable.ele('EnableRule', { Id: ids.savedRule });
    saved.ele('FormStateRule', { State: 'Create', InvertResult: 'true' });
    saved.ele('CustomRule', { FunctionName: ribbon.isSavedFunction, Library: lib, Default: 'false' }).ele('CrmParameter', { Value: 'PrimaryControl' });
  }
  if (buttons.some((b) => b.place === 'grid')) {
    enable.ele('EnableRule', { Id: ids.selectionRule }).ele('SelectionCountRule', { AppliesTo: 'SelectedEntity', Minimum: '1', Maximum: String(ribbon.maxGridSelection) });
  }

  const loc = r.ele('LocLabels');
  for (const [id, text] of [[ids.label, ribbon.label], [ids.tooltip, ribbon.tooltip]] as const) {
    const titles = loc.ele('LocLabel', { Id: id }).ele('Titles');
    for (const l of labels(text)) titles.ele('Title', { description: l.text, languagecode: String(l.lcid) });
  }
}
