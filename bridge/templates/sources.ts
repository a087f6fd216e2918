import { templates } from './index';
import type { TaskId, TemplateDef, TemplateId } from './types';

/** A Dataverse table the PSA→F&O templates read: the tasks that read it and the columns they select. */
export interface DataverseSource {
  entity: string;
  tasks: TaskId[];
  /** Columns read, without the primary key (an Update webhook step filters on them). */
  attributes: string[];
}

/** The templates a configuration enables, with its milestone source applied. */
export function enabledTemplates(settings: { milestoneSource: '3.x' | '2.x'; enabled: readonly TemplateId[] }): TemplateDef[] {
  return templates({ milestoneSource: settings.milestoneSource }).filter((t) => settings.enabled.includes(t.id));
}

/** Every Dataverse table read by the given PSA→F&O templates, sorted by table name. */
export function dataverseSources(defs: readonly TemplateDef[]): DataverseSource[] {
  const byEntity = new Map<string, { tasks: TaskId[]; attributes: Set<string> }>();
  for (const template of defs) {
    if (template.direction !== 'psa-to-fo') continue;
    for (const task of template.tasks) {
      if (task.source.system !== 'dataverse') continue;
      const source = byEntity.get(task.source.entityName) ?? { tasks: [], attributes: new Set<string>() };
      source.tasks.push(task.id);
      for (const column of task.source.select) if (column !== task.source.idField) source.attributes.add(column);
      byEntity.set(task.source.entityName, source);
    }
  }
  return [...byEntity]
    .map(([entity, s]) => ({ entity, tasks: s.tasks, attributes: [...s.attributes].sort() }))
    .sort((a, b) => a.entity.localeCompare(b.entity));
}
