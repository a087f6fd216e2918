import type { ValueMapId } from './types';

/** A value map: source value (as a string) → destination value. */
export type ValueMap = Readonly<Record<string, string | number>>;
export type ValueMaps = Readonly<Record<ValueMapId, ValueMap>>;

/** PSA option values (templates-spec §8). */
export const PSA = {
  billingType: { nonChargeable: 192350000, chargeable: 192350001, complimentary: 192350002, notAvailable: 192350003 },
  transactionType: { cost: 192350000, projectContract: 192350004, unbilledSales: 192350005, billedSales: 192350006, resourcingUnitCost: 192350007, interOrgSales: 192350008 },
  transactionClass: { time: 192350000, expense: 192350001, material: 192350002, milestone: 192350003, fee: 192350004, tax: 690970002 },
  billingMethod: { timeAndMaterial: 192350000, fixedPrice: 192350001 },
  orderType: { itemBased: 192350000, workBased: 192350001, serviceBased: 690970002 },
} as const;

/**
 * The shipped value maps: the decisions of DESIGN §5 where Microsoft published nothing.
 * Configuration may override any of them (`valueMaps` in the config file).
 */
export const DEFAULT_VALUE_MAPS: ValueMaps = {
  paymentTerms: { '1': 'Net30', '2': '2%10Net30', '3': 'Net45', '4': 'Net60' },
  contractLineType: { [PSA.billingMethod.timeAndMaterial]: 'TimeMaterial', [PSA.billingMethod.fixedPrice]: 'FixedPrice' },
  billingType: {
    [PSA.billingType.nonChargeable]: 'NonChargeable',
    [PSA.billingType.chargeable]: 'Chargeable',
    [PSA.billingType.complimentary]: 'Complimentary',
  },
  transactionType: {
    [PSA.transactionType.cost]: 'Cost',
    [PSA.transactionType.unbilledSales]: 'Sales',
    [PSA.transactionType.billedSales]: 'BilledSales',
    [PSA.transactionType.resourcingUnitCost]: 'ResourcingUnitCost',
    [PSA.transactionType.interOrgSales]: 'InterOrgSales',
  },
  estimateTransactionType: { [PSA.transactionType.cost]: 'Cost', [PSA.transactionType.unbilledSales]: 'Sales' },
  billingTypeToPsa: {
    NonChargeable: PSA.billingType.nonChargeable,
    Chargeable: PSA.billingType.chargeable,
    Complimentary: PSA.billingType.complimentary,
    NotAvailable: PSA.billingType.notAvailable,
  },
  transactionTypeToPsa: {
    Cost: PSA.transactionType.cost,
    Sales: PSA.transactionType.unbilledSales,
    BilledSales: PSA.transactionType.billedSales,
    ResourcingUnitCost: PSA.transactionType.resourcingUnitCost,
    InterOrgSales: PSA.transactionType.interOrgSales,
  },
};

/** Shipped maps with configured overrides merged in (an override replaces the whole map). */
export function resolveValueMaps(overrides: Partial<Record<ValueMapId, ValueMap>> = {}): ValueMaps {
  return { ...DEFAULT_VALUE_MAPS, ...overrides };
}
