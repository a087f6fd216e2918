import { readAhead } from '../../bridge/engine/read-ahead';

/** A source whose pages each take a tick; the log shows when a page was requested and handled. */
function source(log: string[], pages: number, failAt?: number): AsyncIterable<number> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < pages; i++) {
        log.push(`read ${i}`);
        await new Promise((r) => setTimeout(r, 5));
        if (i === failAt) throw new Error(`page ${i} failed`);
        yield i;
      }
    },
  };
}

describe('readAhead', () => {
  it('requests the next page before the caller handles the current one, in order', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const p of readAhead(source(log, 3))) {
      log.push(`handle ${p}`);
      seen.push(p);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(log).toEqual(['read 0', 'read 1', 'handle 0', 'read 2', 'handle 1', 'handle 2']);
  });

  it('surfaces a read error at the page that failed, after the pages before it', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const p of readAhead(source([], 4, 2))) {
        await new Promise((r) => setTimeout(r, 20)); // the failing read settles while this page is handled
        seen.push(p);
      }
    };
    await expect(run()).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([0, 1]);
  });

  it('stops the source when the caller leaves early', async () => {
    let closed = false;
    const src: AsyncIterable<number> = {
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; ; i++) yield i;
        } finally {
          closed = true;
        }
      },
    };
    for await (const p of readAhead(src)) if (p === 1) break;
    expect(closed).toBe(true);
  });
});
