import type { DataverseClient } from '../connectors/dataverse/client';
import { retrieveAllRows, retrieveByIds, retrieveByIdsBatch } from '../connectors/dataverse/retrieve-by-ids';
import { probeChanges, retrieveChanges } from '../connectors/dataverse/retrieve-changes';
import { upsertMultiple, upsertMultipleInBatch } from '../connectors/dataverse/upsert-multiple';
import { executeBatch } from '../connectors/finops/batch';
import type { FinOpsClient } from '../connectors/finops/client';
import { keyPath } from '../connectors/finops/key';
import { queryFirstPages } from '../connectors/finops/batch-read';
import { pagesFrom, queryPages, type FinOpsQuery } from '../connectors/finops/query';
import { probeRun } from '../connectors/dataverse/probe-run';
import { FO } from '../connectors/finops/constants';
import type { EnginePorts, FoRead, FoWriteResult, SourcePage } from './ports';
import { patchBody } from './write-finops';

/** The engine's ports over the real connectors. */
export function connectorPorts(dv: DataverseClient, fo: FinOpsClient): EnginePorts {
  return {
    async *readChanges(task, deltaToken): AsyncGenerator<SourcePage> {
      for await (const page of retrieveChanges(dv, { entitySet: task.source.entitySet, select: task.source.select, deltaLink: deltaToken })) {
        yield { rows: page.rows, deleted: page.deleted, deltaToken: page.deltaLink };
      }
    },
    async probeChanges(requests) {
      const pages = await probeChanges(dv, requests.map((r) => ({ entitySet: r.task.source.entitySet, select: r.task.source.select, deltaLink: r.deltaToken })));
      return pages.map((p) => ({ rows: p.rows, deleted: p.deleted, deltaToken: p.deltaLink, nextLink: p.nextLink }));
    },
    readByIds: (task, ids) => retrieveByIds(dv, task.source.entitySet, task.source.idField, ids, task.source.select),
    async probeRun(requests, tables) {
      const res = await probeRun(dv, requests.map((r) => ({ entitySet: r.task.source.entitySet, select: r.task.source.select, deltaLink: r.deltaToken })), tables);
      return { pages: res.pages.map((p) => ({ rows: p.rows, deleted: p.deleted, deltaToken: p.deltaLink, nextLink: p.nextLink })), tables: res.tables };
    },
    async *readFinOps(read, nextLink): AsyncGenerator<SourcePage> {
      const pages = nextLink ? pagesFrom(fo, nextLink) : queryPages(fo, foQuery(read));
      for await (const rows of pages) yield { rows, deleted: [] };
    },
    async readFinOpsFirstPages(reads) {
      const pages = await queryFirstPages(fo, reads.map(foQuery));
      return pages.map((p) => ({ rows: p.rows, deleted: [], ...(p.nextLink ? { nextLink: p.nextLink } : {}) }));
    },
    resolveLookups: (requests) => retrieveByIdsBatch(dv, requests.map((r) => ({ entitySet: r.def.entitySet, idField: r.def.idField, ids: r.ids, select: r.def.fields }))),
    readAll: (entitySet, select) => retrieveAllRows(dv, entitySet, select),
    async writeFinOps(ops): Promise<FoWriteResult[]> {
      const results = await executeBatch(
        fo,
        ops.map((op) =>
          op.method === 'POST'
            ? { method: 'POST' as const, url: `${fo.dataUrl}/${op.entitySet}`, body: op.payload }
            : { method: 'PATCH' as const, url: `${fo.dataUrl}/${keyPath(op.entitySet, op.key)}?${FO.crossCompany}=true`, body: patchBody(op) },
        ),
      );
      return results.map((r) => (r.ok ? { ok: true } : { ok: false, kind: r.error.kind, status: r.error.status, message: r.error.serviceMessage }));
    },
    upsertMultiple: (entitySet, logicalName, targets) => upsertMultiple(dv, entitySet, logicalName, targets),
    upsertMultipleBatch: (groups) => upsertMultipleInBatch(dv, groups),
  };
}

/** The cross-company query of an F&O read (the task's select unless the read names its own). */
function foQuery(read: FoRead): FinOpsQuery {
  const select = read.select ?? read.task.source.select;
  return { entitySet: read.entitySet, select: select.length > 0 ? select : undefined, filter: read.filter, orderBy: read.orderBy, top: read.top, crossCompany: true };
}
