import type { DemoSeedSet } from '../types';
import { DV } from '../constants';
import { categories, currencies, orgUnits, users } from './reference';
import { accounts, contractLines, contracts, milestones } from './sales';
import { estimateConnections, estimateLines, PROJECT, projects, tasks } from './projects';
import { actualConnections, actuals } from './actuals';
import { finopsTables } from './finops';

/**
 * The `demo` data set: small, realistic, deterministic (fixed GUIDs), covering every template and shipped
 * filter (see emulators/seed/README.md for the case list). Built fresh on each call so callers may mutate it.
 */
export function demoSeed(): DemoSeedSet {
  const copy = <T>(rows: T[]): T[] => rows.map((r) => ({ ...r }));
  return {
    dataverse: [
      { entitySet: DV.currencies, records: copy(currencies) },
      { entitySet: DV.users, records: copy(users) },
      { entitySet: DV.orgUnits, records: copy(orgUnits) },
      { entitySet: DV.categories, records: copy(categories) },
      { entitySet: DV.accounts, records: copy(accounts) },
      { entitySet: DV.contracts, records: copy(contracts) },
      { entitySet: DV.projects, records: copy(projects) },
      { entitySet: DV.contractLines, records: contractLines(PROJECT) },
      { entitySet: DV.milestones, records: copy(milestones) },
      { entitySet: DV.tasks, records: copy(tasks) },
      { entitySet: DV.estimateLines, records: copy(estimateLines) },
      { entitySet: DV.actuals, records: copy(actuals) },
      { entitySet: DV.connections, records: [...copy(estimateConnections), ...copy(actualConnections)] },
    ],
    finops: finopsTables.map((t) => ({ entitySet: t.entitySet, records: copy(t.records) })),
  };
}
