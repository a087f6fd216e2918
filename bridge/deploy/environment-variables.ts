import { DeployError, literal, type DeployChange, type DeployDataverse } from './port';

/** Sets environment variable values (creates the value row or updates it when different). */
export async function setEnvironmentVariables(dv: DeployDataverse, values: Record<string, string>): Promise<DeployChange[]> {
  const changes: DeployChange[] = [];
  for (const [schemaName, value] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b))) {
    const [definition] = await dv.query('environmentvariabledefinitions', {
      filter: `schemaname eq ${literal(schemaName)}`,
      select: ['environmentvariabledefinitionid', 'schemaname'],
    });
    if (!definition) throw new DeployError('EnvironmentVariableMissing', `Environment variable ${schemaName} is not defined; import the PsaFoSync solution first`);
    const definitionId = String(definition.environmentvariabledefinitionid);
    const [current] = await dv.query('environmentvariablevalues', {
      filter: `_environmentvariabledefinitionid_value eq ${definitionId}`,
      select: ['environmentvariablevalueid', 'value'],
    });
    if (!current) {
      await dv.create('environmentvariablevalues', {
        schemaname: schemaName,
        value,
        'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${definitionId})`,
      });
      changes.push({ kind: 'environmentvariable', action: 'create', detail: schemaName });
    } else if (current.value !== value) {
      await dv.update('environmentvariablevalues', String(current.environmentvariablevalueid), { value });
      changes.push({ kind: 'environmentvariable', action: 'update', detail: schemaName });
    } else {
      changes.push({ kind: 'environmentvariable', action: 'unchanged', detail: schemaName });
    }
  }
  return changes;
}
