/**
 * Pages of a source with the next page requested while the caller handles the current one: the
 * read round trip overlaps the mapping and the writes (one page ahead, so at most two pages held).
 * An error of the read ahead surfaces when the caller asks for that page, as without read-ahead.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  let done = false;
  try {
    for (;;) {
      const r = await next;
      if (r.done) {
        done = true;
        return;
      }
      next = it.next();
      // handled when awaited above; this only keeps a failure during the caller's work from being "unhandled"
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    if (!done) await it.return?.();
  }
}
