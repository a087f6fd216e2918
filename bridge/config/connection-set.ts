import type { ConfigFile } from './schema';

/** Organizational unit name → legal entity, from the connection set. */
export function orgUnitLegalEntity(c: Pick<ConfigFile, 'connectionSet'>): Record<string, string> {
  return Object.fromEntries(c.connectionSet.organizationMappings.map((m) => [m.organizationalUnit, m.legalEntity]));
}

export function legalEntitiesOf(c: Pick<ConfigFile, 'connectionSet'>): string[] {
  return [...new Set(c.connectionSet.organizationMappings.map((m) => m.legalEntity))].sort();
}
