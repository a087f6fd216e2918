/**
 * Seed data sets shared by the emulators. Dataverse records are Web API create bodies (primary key GUID
 * included, lookups as `<navigation>@odata.bind: "/<entityset>(<guid>)"`) in dependency order; F&O records are
 * OData bodies with `dataAreaId` for company-specific entities. `records` is any iterable: the demo set uses
 * arrays, `large:N` lazy re-iterable generators (constant memory), so an emulator's `seed(set)` should
 * consume it with `for … of` once per table.
 */
export type SeedRecord = Record<string, unknown>;

export interface SeedTable {
  entitySet: string;
  records: Iterable<SeedRecord>;
}

export interface SeedSet {
  dataverse: SeedTable[];
  finops: SeedTable[];
}

/** The demo set: the same shape with arrays, for tests that want `.length` or `.find`. */
export interface DemoSeedTable extends SeedTable {
  records: SeedRecord[];
}
export interface DemoSeedSet extends SeedSet {
  dataverse: DemoSeedTable[];
  finops: DemoSeedTable[];
}

export type DatasetName = { kind: 'demo' } | { kind: 'none' } | { kind: 'large'; scale: number };

export class SeedNameError extends Error {
  readonly code = 'SEED_UNKNOWN_DATASET';
}
