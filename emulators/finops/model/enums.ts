/** F&O enum types used by the emulated entities; members serialize as their names (`"Yes"`). */
export const ENUMS: Record<string, readonly string[]> = {
  NoYes: ['No', 'Yes'],
  ProjType: ['Time', 'TimeMaterial', 'FixedPrice', 'Investment', 'Cost', 'Internal'],
  ProjStatus: ['Created', 'Estimated', 'Scheduled', 'InProcess', 'Completed'],
  ProjBillingType: ['NotSpecified', 'Chargeable', 'NonChargeable', 'Complimentary', 'NotAvailable'],
  ProjCdsTransType: ['Cost', 'Sales', 'Tax', 'BilledSales', 'InterOrgSales', 'ResourcingUnitCost'],
  ProjTransType: ['Hour', 'Expense', 'Item', 'Fee', 'Revenue', 'OnAccount'],
  DirPartyType: ['None', 'Person', 'Organization'],
};

export function enumMembers(enumType: string): readonly string[] {
  const members = ENUMS[enumType];
  if (!members) throw new Error(`Unknown enum type ${enumType}`);
  return members;
}
