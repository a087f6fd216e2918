import type { FinOpsStore } from '../store/store';
import type { EntityRegistry } from '../model/registry';
import { keyString } from '../model/values';
import { formatSequence } from '../rules/post-journal';

/** Reads a number sequence of a company; throws with what to set up when it is missing. */
export function readSequence(store: FinOpsStore, registry: EntityRegistry, company: string, code: string): { format: string; next: number; key: string } {
  const entity = registry.require('NumberSequences');
  const key = keyString(entity, { dataAreaId: company, NumberSequenceCode: code });
  const row = store.get(entity.set, key);
  if (!row) throw new Error(`Number sequence ${code} is not set up for company ${company}.`);
  return { format: String(row.data.Format), next: Number(row.data.NextNumber), key };
}

export function writeSequenceNext(store: FinOpsStore, key: string, next: number): void {
  const row = store.get('NumberSequences', key);
  if (row) store.update('NumberSequences', key, { ...row.data, NextNumber: next });
}

/** Takes the next value of a number sequence (formatted) and advances it. */
export function takeNumber(store: FinOpsStore, registry: EntityRegistry, company: string, code: string): string {
  const seq = readSequence(store, registry, company, code);
  writeSequenceNext(store, seq.key, seq.next + 1);
  return formatSequence(seq.format, seq.next);
}
