/**
 * Loads a seed set (Web API create bodies in dependency order, `emulators/seed/`) through the
 * emulator's own payload validation and write core, in transactions of 1000 rows, streaming the
 * record iterables (a `large:N` set never sits in memory). Rows that exist (same primary key)
 * are updated, so seeding twice is harmless.
 */
import type { SeedTable } from '../seed';
import type { ServiceContext } from './context';
import { errors } from './errors';
import { createRow, updateRow } from './operations';
import { toRecordData } from './odata/payload';
import { runInUnit } from './pipeline';

export interface SeedSummary {
  total: number;
  tables: Record<string, number>;
}

const CHUNK = 1000;

export async function seedStore(ctx: ServiceContext, tables: SeedTable[]): Promise<SeedSummary> {
  const summary: SeedSummary = { total: 0, tables: {} };
  for (const entry of tables) {
    const table = ctx.schema.byEntitySet(entry.entitySet);
    if (!table) throw errors.resourceNotFound(entry.entitySet);
    let chunk: Record<string, unknown>[] = [];
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      await runInUnit(ctx, undefined, async (unit) => {
        const inner = { ...ctx, unit };
        for (const record of rows) {
          const data = toRecordData({ schema: ctx.schema, store: ctx.store }, table, record);
          const id = data[table.primaryId];
          const existing = typeof id === 'string' && ctx.store.exists(table.logicalName, id) ? ctx.store.get(table.logicalName, id) : undefined;
          if (existing) await updateRow(inner, table, existing, data);
          else await createRow(inner, table, data);
        }
      });
      summary.total += rows.length;
      summary.tables[entry.entitySet] = (summary.tables[entry.entitySet] ?? 0) + rows.length;
    };
    for (const record of entry.records) {
      chunk.push(record);
      if (chunk.length >= CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
  }
  return summary;
}
