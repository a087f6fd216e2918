import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { TaskTally } from './counts';

export interface ProgressReporter {
  update(task: string, tally: TaskTally, done: boolean): void;
  stop(): void;
}

/** Progress bars per task on a terminal (cli-progress), plain lines otherwise. */
export function progressReporter(out: NodeJS.WriteStream): ProgressReporter {
  if (!out.isTTY) {
    return {
      update: (task, t, done) => {
        if (done) out.write(`${task}: read ${t.read}, written ${t.upserts}, unchanged ${t.unchanged}, skipped ${t.skipped}, errors ${t.errors}\n`);
      },
      stop: () => undefined,
    };
  }
  const multi = new MultiBar({ format: '{task} [{bar}] {value}/{total} read  written {written}  errors {errors}', hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
  const bars = new Map<string, SingleBar>();
  return {
    update: (task, t, done) => {
      let bar = bars.get(task);
      if (!bar) {
        bar = multi.create(Math.max(t.read, 1), 0, { task: task.padEnd(22), written: 0, errors: 0 });
        bars.set(task, bar);
      }
      const handled = t.upserts + t.unchanged + t.skipped + t.filtered + t.errors;
      bar.setTotal(Math.max(t.read, handled, 1));
      bar.update(done ? Math.max(t.read, handled, 1) : Math.min(handled, t.read), { written: t.upserts, errors: t.errors });
    },
    stop: () => multi.stop(),
  };
}
