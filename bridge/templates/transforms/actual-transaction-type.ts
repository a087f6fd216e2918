import { PSA, type ValueMaps } from '../value-maps';
import type { TransformResult } from './result';

/**
 * TRANSTYPE of an actual (DESIGN §5): Tax class → `Tax`; otherwise the transaction type value map;
 * anything else is skipped with a warning.
 */
export function actualTransactionType(typeCode: unknown, classification: unknown, maps: ValueMaps): TransformResult {
  if (Number(classification) === PSA.transactionClass.tax) return { value: 'Tax' };
  const hit = typeCode === null || typeCode === undefined ? undefined : maps.transactionType[String(typeCode)];
  if (hit !== undefined) return { value: hit };
  return { skip: `transaction type ${JSON.stringify(typeCode ?? null)} is not synced to F&O (only Cost, Unbilled Sales, Billed Sales, Resourcing Unit Cost, Inter-Organizational Sales and Tax are)` };
}
