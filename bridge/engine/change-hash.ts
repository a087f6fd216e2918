import type { TaskDef } from '../templates/types';
import { payloadHash } from './hash';

/**
 * The hash that decides whether a mapped record changed: the payload without the fields F&O fills
 * itself (`filledByFinOps`), so that their copy coming back through PSA is not an echo write.
 */
export function changeHash(task: TaskDef, payload: Readonly<Record<string, unknown>>): string {
  return payloadHash(payload, task.filledByFinOps);
}
