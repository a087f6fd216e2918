import type { ServiceMetadata } from '../connectors/finops/metadata';
import type { TaskDef, TemplateDef } from '../templates/types';

export interface Problem {
  readonly where: string;
  readonly message: string;
}

const FO_COMPANY = 'dataAreaId';

/** Does a Dataverse entity type have this attribute (`_x_value` lookups also match a navigation property `x`)? */
function hasDvField(props: ReadonlySet<string>, field: string): boolean {
  if (props.has(field)) return true;
  const m = /^_(.+)_value$/.exec(field);
  return m !== null && props.has(m[1]);
}

function sourceFields(task: TaskDef): string[] {
  const own = new Set<string>(task.source.select);
  for (const row of task.mapping) if (row.source && !row.source.includes('.')) own.add(row.source);
  for (const f of task.filter) if (!f.field.includes('.')) own.add(f.field);
  return [...own];
}

/**
 * Checks every task of the enabled templates against both services' $metadata: entity sets exist
 * (with the configured F&O names) and every mapped field exists on its side. One problem per line.
 */
export function checkMappings(
  list: readonly TemplateDef[],
  entitySetOf: (task: TaskDef) => { name: string; setting: string },
  dv: ServiceMetadata,
  fo: ServiceMetadata,
): Problem[] {
  const problems: Problem[] = [];
  for (const template of list) {
    for (const task of template.tasks) {
      const where = `${template.id}/${task.id}`;
      const foSet = entitySetOf(task);
      const foProps = fo.entitySets.get(foSet.name);
      if (!foProps) {
        problems.push({ where, message: `F&O entity set '${foSet.name}' (${foSet.setting}) does not exist in the F&O $metadata; fix the name in the configuration` });
      }
      if (task.source.system === 'dataverse') {
        const dvProps = dv.entitySets.get(task.source.entitySet);
        if (!dvProps) problems.push({ where, message: `Dataverse entity set '${task.source.entitySet}' does not exist in the Dataverse $metadata (is PSA installed?)` });
        else for (const f of sourceFields(task)) if (!hasDvField(dvProps, f)) problems.push({ where, message: `Dataverse field '${task.source.entityName}.${f}' does not exist` });
        for (const [name, def] of Object.entries(task.source.lookups ?? {})) {
          const props = dv.entitySets.get(def.entitySet);
          if (!props) problems.push({ where, message: `Dataverse entity set '${def.entitySet}' of lookup '${name}' does not exist` });
          else for (const f of def.fields) if (!props.has(f)) problems.push({ where, message: `Dataverse field '${def.entitySet}.${f}' (lookup '${name}') does not exist` });
        }
        if (foProps) {
          for (const row of task.mapping) {
            if (!foProps.has(row.destination)) problems.push({ where, message: `F&O field '${foSet.name}.${row.destination}' does not exist (mapped from ${row.source ?? 'a constant'})` });
          }
          if (task.routing.kind !== 'none' && !foProps.has(FO_COMPANY)) problems.push({ where, message: `F&O entity set '${foSet.name}' has no ${FO_COMPANY}; it is not company-specific` });
        }
      } else {
        if (foProps) for (const f of sourceFields(task)) if (!foProps.has(f)) problems.push({ where, message: `F&O field '${foSet.name}.${f}' does not exist` });
        const dvProps = dv.entitySets.get(task.destination.entitySet);
        if (!dvProps) problems.push({ where, message: `Dataverse entity set '${task.destination.entitySet}' does not exist in the Dataverse $metadata` });
        else for (const row of task.mapping) if (!hasDvField(dvProps, row.destination)) problems.push({ where, message: `Dataverse field '${task.destination.entityName}.${row.destination}' does not exist` });
      }
    }
  }
  return problems;
}
