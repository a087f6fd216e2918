import type { TemplateDef } from '../templates/types';
import type { SourceTable } from './steps';

/**
 * The Dataverse tables the enabled PSA→F&O templates read, with the columns they read: each gets
 * a Create step and an Update step filtered on those columns.
 */
export function webhookSources(templates: readonly TemplateDef[]): SourceTable[] {
  const byEntity = new Map<string, Set<string>>();
  for (const template of templates) {
    if (template.direction !== 'psa-to-fo') continue;
    for (const task of template.tasks) {
      if (task.source.system !== 'dataverse') continue;
      const columns = byEntity.get(task.source.entityName) ?? new Set<string>();
      for (const column of task.source.select) if (column !== task.source.idField) columns.add(column);
      byEntity.set(task.source.entityName, columns);
    }
  }
  return [...byEntity].map(([entity, columns]) => ({ entity, attributes: [...columns].sort() })).sort((a, b) => a.entity.localeCompare(b.entity));
}
