import { linkedReads, LINKED_IDS_PER_READ, mainRead, MAX_WRITTEN_KEYS, nextWatermark, noteWritten, pageStillExact, savedWatermark, watermarkReads, type WrittenKeys } from '../../bridge/engine/fo-scope';
import { actualsTask } from '../../bridge/templates/actuals/mapping';
import pino from 'pino';
import type { EnginePorts } from '../../bridge/engine/ports';
import { linkedFirstPages } from '../../bridge/engine/run-task-to-psa';
import { actualsUpdateTask, relationshipsUpdateTask } from '../../bridge/templates/actuals-update-to-psa/mapping';
import { categoriesToPsaTask } from '../../bridge/templates/expense-categories-to-psa/mapping';

describe('F&O reads of the F&O→PSA tasks (no change tracking in F&O)', () => {
  it('the main read adds the watermark to the shipped filter; without one it is the shipped filter', () => {
    expect(mainRead(actualsUpdateTask, 'ProjCDSActualsImports', 42).filter).toBe("(Voucher ne '') and (ActualsImportId ge 42)");
    expect(mainRead(actualsUpdateTask, 'ProjCDSActualsImports', undefined).filter).toBe("Voucher ne ''");
    expect(mainRead(categoriesToPsaTask, 'ProjCDSCategories', 42).filter).toBeUndefined();
  });

  it('the next watermark is the lowest open row, else one past the highest row, else unknown', () => {
    const [open, top] = watermarkReads(actualsUpdateTask, 'ProjCDSActualsImports');
    expect(open).toMatchObject({ filter: "Voucher eq ''", orderBy: 'ActualsImportId asc', top: 1, select: ['ActualsImportId'] });
    expect(top).toMatchObject({ orderBy: 'ActualsImportId desc', top: 1 });
    expect(nextWatermark(actualsUpdateTask, [{ ActualsImportId: 7 }], [{ ActualsImportId: 90 }])).toBe(7);
    expect(nextWatermark(actualsUpdateTask, [], [{ ActualsImportId: 90 }])).toBe(91);
    expect(nextWatermark(actualsUpdateTask, [], [])).toBeUndefined();
    expect(watermarkReads(categoriesToPsaTask, 'ProjCDSCategories')).toEqual([]);
  });

  it('a saved watermark that is not a whole number means a full read', () => {
    expect(savedWatermark('12')).toBe(12);
    for (const bad of [undefined, '', 'abc', '1.5', 'linked']) expect(savedWatermark(bad)).toBeUndefined();
  });

  it('linked reads: ids in chunks, each id on every link field, quotes doubled', () => {
    const ids = Array.from({ length: LINKED_IDS_PER_READ + 1 }, (_, i) => `id-${i}`);
    const reads = linkedReads(relationshipsUpdateTask, 'ProjCDSTransactionRelationshipImports', ids);
    expect(reads).toHaveLength(2);
    expect(reads[1].filter).toBe(`Transaction1Id eq 'id-${LINKED_IDS_PER_READ}' or Transaction2Id eq 'id-${LINKED_IDS_PER_READ}'`);
    expect(linkedReads(relationshipsUpdateTask, 'X', ["o'brien"])[0].filter).toBe("Transaction1Id eq 'o''brien' or Transaction2Id eq 'o''brien'");
    expect(linkedReads(relationshipsUpdateTask, 'X', [])).toEqual([]);
  });

  it('a prefetched page stays exact after writes only for a watermark task, complete, with none of its rows written', () => {
    const written: WrittenKeys = new Map();
    noteWritten(written, 'actuals', [{ dataAreaId: 'USMF', ActualId: 'A-1' }]);
    const page = { rows: [{ dataAreaId: 'usmf', ActualId: 'b-2' }] };
    expect(pageStillExact(actualsUpdateTask, page, actualsTask, written.get('actuals'))).toBe(true);
    expect(pageStillExact(actualsUpdateTask, { rows: [{ ActualId: 'a-1' }] }, actualsTask, written.get('actuals'))).toBe(false);
    expect(pageStillExact(actualsUpdateTask, { ...page, nextLink: 'next' }, actualsTask, written.get('actuals'))).toBe(false);
    expect(pageStillExact(categoriesToPsaTask, page, actualsTask, written.get('actuals'))).toBe(false);
    expect(pageStillExact(actualsUpdateTask, page, actualsTask, undefined)).toBe(false);
    noteWritten(written, 'actuals', Array.from({ length: MAX_WRITTEN_KEYS }, (_, i) => ({ ActualId: `x-${i}` })));
    expect(written.get('actuals')).toBe('many');
    expect(pageStillExact(actualsUpdateTask, page, actualsTask, written.get('actuals'))).toBe(false);
  });

  it('linked reads go in one $batch; refused (or no batch reads) they give way to a full read', async () => {
    const reads = linkedReads(relationshipsUpdateTask, 'ProjCDSTransactionRelationshipImports', ['a', 'b']);
    const logger = pino({ level: 'silent' });
    const asked: number[] = [];
    const ok = { readFinOpsFirstPages: async (r: readonly unknown[]) => (asked.push(r.length), [{ rows: [{ ConnectionId: 'c1' }], deleted: [] }]) } as unknown as EnginePorts;
    expect(await linkedFirstPages(reads, { ports: ok, logger })).toEqual([{ rows: [{ ConnectionId: 'c1' }], deleted: [] }]);
    expect(asked).toEqual([1]);
    const refused = { readFinOpsFirstPages: async () => Promise.reject(new Error('400 incompatible types')) } as unknown as EnginePorts;
    expect(await linkedFirstPages(reads, { ports: refused, logger })).toBeUndefined();
    expect(await linkedFirstPages(reads, { ports: {} as EnginePorts, logger })).toBeUndefined();
    expect(await linkedFirstPages([], { ports: refused, logger })).toEqual([]);
  });
});
