import type { SourcePage } from './ports';

/**
 * A task's change read started before the task runs (the run reads the next task's first page while
 * the current task's last writes are answered). The first page is asked for at once; a failure shows
 * when the task asks for that page, as if it had read it itself.
 */
export function startRead(source: AsyncIterable<SourcePage>): AsyncIterable<SourcePage> {
  const it = source[Symbol.asyncIterator]();
  const first = it.next();
  first.catch(() => undefined);
  let taken = false;
  const iterator: AsyncIterator<SourcePage> = {
    next: () => {
      if (taken) return it.next();
      taken = true;
      return first;
    },
    return: async (value?: unknown) => (it.return ? it.return(value) : { done: true, value: undefined }),
  };
  return { [Symbol.asyncIterator]: () => iterator };
}
