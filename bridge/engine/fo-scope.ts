import type { TaskDef, TaskId } from '../templates/types';
import type { FoRead, Rec } from './ports';

/**
 * Which F&O rows an F&O→PSA task reads (F&O has no change tracking). Pure: the run stores the
 * watermarks and the ids, this file builds the reads and the next watermark.
 */

/** At most this many linked ids are read by filter; more means a full read. */
export const MAX_LINKED_IDS = 500;
/** Ids per `$filter` of a linked read (the URL stays short). */
export const LINKED_IDS_PER_READ = 20;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const and = (...parts: (string | undefined)[]): string | undefined => {
  const present = parts.filter((p): p is string => !!p);
  return present.length === 0 ? undefined : present.length === 1 ? present[0] : present.map((p) => `(${p})`).join(' and ');
};

/** The task's main read: its shipped filter, from the saved watermark on. */
export function mainRead(task: TaskDef, entitySet: string, low: number | undefined): FoRead {
  const w = task.source.watermark;
  return { task, entitySet, filter: and(task.source.serverFilter, w && low !== undefined ? `${w.field} ge ${low}` : undefined) };
}

/** The two reads that give the next watermark: the lowest row not final yet, and the highest row. */
export function watermarkReads(task: TaskDef, entitySet: string): FoRead[] {
  const w = task.source.watermark;
  if (!w) return [];
  return [
    { task, entitySet, filter: w.openFilter, select: [w.field], orderBy: `${w.field} asc`, top: 1 },
    { task, entitySet, select: [w.field], orderBy: `${w.field} desc`, top: 1 },
  ];
}

/**
 * The next watermark from the answers of `watermarkReads`: every row below the lowest open row is
 * final; with no open row, every row up to the highest is; with no row at all, nothing is known.
 */
export function nextWatermark(task: TaskDef, lowestOpen: readonly Rec[], highest: readonly Rec[]): number | undefined {
  const field = task.source.watermark?.field;
  if (!field) return undefined;
  const num = (rows: readonly Rec[]): number | undefined => {
    const v = Number(rows[0]?.[field]);
    return rows.length > 0 && Number.isFinite(v) ? v : undefined;
  };
  const open = num(lowestOpen);
  if (open !== undefined) return open;
  const top = num(highest);
  return top === undefined ? undefined : top + 1;
}

/** Reads of the rows linked to `ids` (chunks of LINKED_IDS_PER_READ), each with the task's shipped filter. */
export function linkedReads(task: TaskDef, entitySet: string, ids: readonly string[]): FoRead[] {
  const fields = task.source.scopeTo?.fields ?? [];
  const reads: FoRead[] = [];
  for (let i = 0; i < ids.length; i += LINKED_IDS_PER_READ) {
    const chunk = ids.slice(i, i + LINKED_IDS_PER_READ);
    const anyLink = chunk.flatMap((id) => fields.map((f) => `${f} eq ${quote(id)}`)).join(' or ');
    reads.push({ task, entitySet, filter: and(task.source.serverFilter, anyLink) });
  }
  return reads;
}

/** The saved read position of a scoped task once it has read in full: from then on it reads by links. */
export const SCOPED_READS = 'linked';

/** Whether a scoped task reads by links this run (it read in full before, and the run is not `--full`); else it reads in full. */
export function readsByLinksThisRun(task: TaskDef, savedPosition: string | undefined, full: boolean): boolean {
  return task.source.scopeTo !== undefined && !full && savedPosition === SCOPED_READS;
}

/** The saved watermark of a task (absent, `--full`, or unreadable: read everything). */
export function savedWatermark(token: string | undefined): number | undefined {
  const n = Number(token);
  return token !== undefined && token !== '' && Number.isSafeInteger(n) ? n : undefined;
}

/** At most this many written keys per task are remembered to keep a prefetched F&O page. */
export const MAX_WRITTEN_KEYS = 1000;
export type WrittenKeys = Map<TaskId, Set<string> | 'many'>;

const keyText = (field: string, value: unknown): string => `${field}=${String(value).toLowerCase()}`;

/** Notes the F&O keys a PSA→F&O task wrote in the run (key fields without the company). */
export function noteWritten(written: WrittenKeys, task: TaskId, keys: readonly Rec[]): void {
  let set = written.get(task) ?? new Set<string>();
  if (set === 'many') return;
  for (const key of keys) for (const [f, v] of Object.entries(key)) if (f !== 'dataAreaId') set.add(keyText(f, v));
  if (set.size > MAX_WRITTEN_KEYS) set = 'many';
  written.set(task, set);
}

/**
 * Whether an F&O→PSA task's prefetched page is still exact after a PSA→F&O task wrote the same entity
 * set: only for a watermark task (which rows it reads depends on fields F&O fills, which our writes do
 * not touch), a complete page (no next link), and none of its rows written.
 */
export function pageStillExact(reader: TaskDef, page: { readonly rows: readonly Rec[]; readonly nextLink?: string }, writer: TaskDef, written: Set<string> | 'many' | undefined): boolean {
  if (!reader.source.watermark || page.nextLink || written === undefined || written === 'many') return false;
  const fields = writer.destination.keyFields;
  return !page.rows.some((row) => fields.some((f) => written.has(keyText(f, row[f]))));
}
