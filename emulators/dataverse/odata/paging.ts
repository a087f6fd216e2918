/**
 * `$skiptoken` paging cookies (PAD webapi/query/page-results.md): the nextLink carries
 * `<cookie pagenumber="2" pagingcookie="..." istracking="False" />`. The inner paging cookie holds
 * the last primary key of the page (keyset paging when the order is the primary key) and, for
 * change tracking, the snapshot version. Built and read with XML libraries.
 */
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { errors } from '../errors';

export interface PageCookie {
  pageNumber: number;
  /** Last primary key of the previous page. */
  lastId?: string;
  /** Change tracking: snapshot version and the phase/position inside the delta. */
  tracking?: { upTo: number; after: number; phase: 'changed' | 'deleted' };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

export function buildSkipToken(cookie: PageCookie, table: string, primaryId: string): string {
  const inner = create().ele('cookie', { page: String(cookie.pageNumber - 1) });
  if (cookie.lastId) inner.ele(primaryId, { last: `{${cookie.lastId.toUpperCase()}}` });
  if (cookie.tracking) inner.ele('tracking', { table, upto: String(cookie.tracking.upTo), after: String(cookie.tracking.after), phase: cookie.tracking.phase });
  const pagingCookie = encodeURIComponent(inner.end({ headless: true }));
  return create().ele('cookie', { pagenumber: String(cookie.pageNumber), pagingcookie: pagingCookie, istracking: cookie.tracking ? 'True' : 'False' })
    .end({ headless: true });
}

export function parseSkipToken(token: string, primaryId: string): PageCookie {
  const bad = () => errors.querySyntax(`The $skiptoken '${token.slice(0, 200)}' is not a valid paging cookie. Use the @odata.nextLink of the previous page verbatim.`);
  let outer: Record<string, unknown>;
  try {
    outer = parser.parse(token) as Record<string, unknown>;
  } catch {
    throw bad();
  }
  const cookie = outer.cookie as Record<string, string> | undefined;
  const pageNumber = Number(cookie?.pagenumber);
  if (!cookie || !Number.isInteger(pageNumber) || pageNumber < 2) throw bad();
  let inner: Record<string, Record<string, Record<string, string> | string>>;
  try {
    inner = parser.parse(decodeURIComponent(cookie.pagingcookie ?? '')) as typeof inner;
  } catch {
    throw bad();
  }
  const body = inner.cookie;
  if (typeof body !== 'object' || body === null) throw bad();
  const keyEl = body[primaryId] as Record<string, string> | undefined;
  const lastId = keyEl?.last?.replace(/[{}]/g, '').toLowerCase();
  const t = body.tracking as Record<string, string> | undefined;
  const tracking = t ? { upTo: Number(t.upto), after: Number(t.after), phase: t.phase === 'deleted' ? 'deleted' as const : 'changed' as const } : undefined;
  if (tracking && (!Number.isInteger(tracking.upTo) || !Number.isInteger(tracking.after))) throw bad();
  return { pageNumber, lastId, tracking };
}

/** Delta tokens: `<version>!<MM/dd/yyyy HH:mm:ss>` (UTC), as the service writes them. */
export function buildDeltaToken(version: number, at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(at.getUTCMonth() + 1)}/${p(at.getUTCDate())}/${at.getUTCFullYear()} ${p(at.getUTCHours())}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())}`;
  return `${version}!${date}`;
}

export function parseDeltaToken(token: string, maxAgeDays: number, now = Date.now()): number {
  const m = /^(\d+)!(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(token);
  if (!m) throw errors.expiredDeltaToken();
  const at = Date.UTC(Number(m[4]), Number(m[2]) - 1, Number(m[3]), Number(m[5]), Number(m[6]), Number(m[7]));
  if (now - at > maxAgeDays * 86_400_000) throw errors.expiredDeltaToken();
  return Number(m[1]);
}
