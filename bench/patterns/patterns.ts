import { executeBatch } from '../../bridge/connectors/finops/batch';
import { createRecord } from '../../bridge/connectors/finops/create';
import { retrieveChanges } from '../../bridge/connectors/dataverse/retrieve-changes';
import type { Services } from '../../bridge/engine';
import { actualsTask } from '../../bridge/templates/actuals/mapping';

/** One staging actual to create: the body the bridge sent for a PSA actual, under a fresh ActualId. */
export interface SampleRecord {
  readonly psaId: string;
  readonly body: Record<string, unknown>;
}

export type PatternName = 'per-record' | 'batch-10';

/** A plain integration: per record, one Dataverse read and one F&O create, one after the other. */
async function perRecord(services: Services, sample: readonly SampleRecord[]): Promise<void> {
  for (const s of sample) {
    await services.dataverse.call('read one', (api) => api.retrieve({ collection: 'msdyn_actuals', key: s.psaId, select: [...actualsTask.source.select] }));
    await createRecord(services.finops, 'ProjCDSActualsImports', s.body);
  }
}

/** Azure Data Factory's defaults: read pages of 5,000, write batches of 10 (one changeset per record), 10 in parallel. */
async function batch10(services: Services, sample: readonly SampleRecord[]): Promise<void> {
  let read = 0;
  for await (const page of retrieveChanges(services.dataverse, { entitySet: 'msdyn_actuals', select: actualsTask.source.select })) {
    read += page.rows.length;
    if (read >= sample.length) break;
  }
  const batches: SampleRecord[][] = [];
  for (let i = 0; i < sample.length; i += 10) batches.push(sample.slice(i, i + 10));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const b = batches[next++];
      const results = await executeBatch(services.finops, b.map((s) => ({ method: 'POST' as const, url: `${services.finops.dataUrl}/ProjCDSActualsImports`, body: s.body })));
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) throw new Error(`batch-10 pattern: F&O rejected a create: ${failed.error.serviceMessage}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

/** Runs a pattern; seconds of wall time from its first request to its last answer. */
export async function runPattern(name: PatternName, services: Services, sample: readonly SampleRecord[]): Promise<number> {
  const started = process.hrtime.bigint();
  await (name === 'per-record' ? perRecord(services, sample) : batch10(services, sample));
  return Number(process.hrtime.bigint() - started) / 1e9;
}
