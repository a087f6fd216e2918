/**
 * Ribbon commands (web resource psafo_/scripts/ribbon.js, global PsaFoSync.Ribbon):
 * - syncNowForm(PrimaryControl): form button;
 * - syncNowGrid(SelectedControlSelectedItemIds, SelectedControl): home grid button;
 * - isSavedRecord(PrimaryControl): custom enable rule of the form button.
 */
import { fill, langOf } from '../shared/i18n';
import { SYNC_NOW_MAX_RECORDS } from '../shared/names';
import { checkSelection } from './request';
import { RIBBON_STRINGS, type RibbonStrings } from './strings';
import { saveIfDirty, syncNow, type SyncNowOutcome } from './sync-now';
import { formPorts, xrmPorts } from './xrm-ports';

const FORM_TYPE_CREATE = 1;

function strings(): RibbonStrings {
  return RIBBON_STRINGS[langOf(Xrm.Utility.getGlobalContext().userSettings.languageId)];
}

export function isSavedRecord(primaryControl: Xrm.FormContext): boolean {
  return primaryControl.ui.getFormType() !== FORM_TYPE_CREATE && primaryControl.data.entity.getId() !== '';
}

export async function syncNowForm(primaryControl: Xrm.FormContext): Promise<SyncNowOutcome> {
  const s = strings();
  const ports = xrmPorts(async () => { await primaryControl.data.refresh(false); });
  if (!isSavedRecord(primaryControl)) {
    await ports.alert(s.successTitle, s.notSaved);
    return 'cancelled';
  }
  if (!(await saveIfDirty(formPorts(primaryControl), ports, s))) return 'cancelled';
  const entity = primaryControl.data.entity;
  return syncNow(ports, s, entity.getEntityName(), [entity.getId()]);
}

export async function syncNowGrid(selectedIds: string[], selectedControl: Xrm.Controls.GridControl): Promise<SyncNowOutcome> {
  const s = strings();
  const ports = xrmPorts(async () => { selectedControl.refresh(); });
  const selection = checkSelection(selectedIds);
  if (!selection.ok) {
    await ports.alert(s.successTitle, selection.reason === 'none'
      ? s.noSelection
      : fill(s.tooMany, { max: SYNC_NOW_MAX_RECORDS, count: selection.count }));
    return 'cancelled';
  }
  return syncNow(ports, s, selectedControl.getEntityName(), selection.ids);
}
