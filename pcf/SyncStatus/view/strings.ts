/** Resource string keys used at run time (the same keys are in strings/SyncStatus.*.resx). */
export const STRING_KEYS = [
  'State_NotSynced',
  'State_Queued',
  'State_Synced',
  'State_Error',
  'State_Skipped',
  'Label_LastSynced',
  'Label_LastAttempt',
  'Label_FinOpsKey',
  'Label_LegalEntity',
  'Label_Reason',
  'Label_Run',
  'Action_Refresh',
  'Action_RefreshLabel',
  'Action_ShowDetails',
  'Action_HideDetails',
  'Children_Title',
  'Children_Synced',
  'Children_Error',
  'Children_Skipped',
  'Child_msdyn_projecttask',
  'Child_msdyn_estimateline',
  'Child_msdyn_actual',
  'Child_salesorderdetail',
  'Child_msdyn_contractlinescheduleofvalue',
  'Child_tasks',
  'Child_hour_estimates',
  'Child_expense_estimates',
  'Child_actuals',
  'Locks_Title',
  'Lock_SourcePsa',
  'Lock_SourceFinOps',
  'Problem_NewRecord',
  'Problem_TableMissing',
  'Problem_AccessDenied',
  'Problem_Offline',
  'Problem_Unknown',
  'Status_Loading',
  'Status_UpdatedAt',
  'Status_AutoRefresh',
  'Live_State',
  'Details_Invalid',
] as const;

export type StringKey = (typeof STRING_KEYS)[number];
export type GetString = (key: StringKey) => string;

/** Replaces {0}, {1}, … in a resource string. */
export function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** Child table logical name or template task id → string key of its label, when the control knows one. */
export function childLabelKey(table: string): StringKey | undefined {
  const key = `Child_${table.replace(/-/g, '_')}`;
  return (STRING_KEYS as readonly string[]).includes(key) ? (key as StringKey) : undefined;
}
