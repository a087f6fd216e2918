/**
 * Form script (web resource psafo_/scripts/form.js, global PsaFoSync.Form).
 * Register `PsaFoSync.Form.onLoad` on the OnLoad event of the project, contract, contract line,
 * milestone and task main forms with "Pass execution context as first parameter" checked.
 * Thin adapter: reads the rules and the status, asks planForm what to do, applies it.
 */
import { langOf } from '../shared/i18n';
import { parseLockRules } from '../shared/lock-rules';
import { EnvVar } from '../shared/names';
import { classifyReadError, type ReadProblem } from '../shared/read-errors';
import type { SyncStatusRecord } from '../shared/sync-status';
import { readEnvVar, readStatus } from '../shared/xrm-reads';
import { NOTIFICATION_LOCKS, NOTIFICATION_RULES, NOTIFICATION_STATUS, planForm } from './plan';

const FORM_TYPE_CREATE = 1;

/** Columns on the form with the label of their first control. */
function formLabels(formContext: Xrm.FormContext, columns: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const column of columns) {
    const attribute = formContext.getAttribute(column);
    if (!attribute) continue;
    const control = attribute.controls.get(0) as Xrm.Controls.StandardControl | null;
    labels[column] = control?.getLabel?.() || column;
  }
  return labels;
}

export async function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const formContext = executionContext.getFormContext();
  const entity = formContext.data.entity;
  const table = entity.getEntityName();
  const id = entity.getId();
  const exists = formContext.ui.getFormType() !== FORM_TYPE_CREATE && id !== '';
  const lang = langOf(Xrm.Utility.getGlobalContext().userSettings.languageId);

  let rulesJson: string | null = null;
  try {
    rulesJson = await readEnvVar(Xrm.WebApi, EnvVar.fieldLockRules);
  } catch (err) {
    console.warn(`psa-fo-sync: ${EnvVar.fieldLockRules} could not be read; using the shipped defaults.`, err);
  }
  const rules = parseLockRules(rulesJson);
  let status: SyncStatusRecord | null | ReadProblem = null;
  if (exists) {
    try {
      status = await readStatus(Xrm.WebApi, table, id);
    } catch (err) {
      status = classifyReadError(err);
    }
  }
  const columns = (rules.rules.tables[table] ?? []).map((r) => r.column);
  const plan = planForm({ table, exists, rules, status, labels: formLabels(formContext, columns), lang });

  for (const lock of plan.disable) {
    formContext.getAttribute(lock.column)?.controls.forEach((c) => (c as Xrm.Controls.StandardControl).setDisabled(true));
  }
  for (const id of [NOTIFICATION_LOCKS, NOTIFICATION_RULES, NOTIFICATION_STATUS]) formContext.ui.clearFormNotification(id);
  for (const n of plan.notifications) formContext.ui.setFormNotification(n.text, n.level, n.id);
}
