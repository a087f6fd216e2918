import type { TaskDef } from '../templates/types';
import { payloadHash } from './hash';

/**
 * The hash that decides whether a mapped record changed: the payload without the fields F&O fills
 * itself (`filledByFinOps`), so that their copy coming back through PSA is not an echo write.
 */
export function changeHash(task: TaskDef, payload: Readonly<Record<string, unknown>>): string {
  const own = task.filledByFinOps;
  if (!own || own.length === 0) return payloadHash(payload);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) if (!own.includes(k)) rest[k] = v;
  return payloadHash(rest);
}
