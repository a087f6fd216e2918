import pino from 'pino';
import { Executor, type ClaimedItem, type ExecutorQueue } from '../../bridge/service/executor';

class MemoryQueue implements ExecutorQueue {
  items: ClaimedItem[] = [];
  claimed = new Set<number>();
  done: number[] = [];
  released: number[] = [];
  private seq = 0;
  add(entity: string, id: string, priority: number, trigger: ClaimedItem['trigger'] = 'Live') {
    this.items.push({ seq: ++this.seq, entity, id, priority, trigger, correlationId: null });
  }
  claim(_w: string, limit: number) {
    const free = this.items.filter((i) => !this.claimed.has(i.seq)).sort((a, b) => b.priority - a.priority || a.seq - b.seq).slice(0, limit);
    free.forEach((i) => this.claimed.add(i.seq));
    return free;
  }
  complete(seqs: readonly number[]) {
    this.done.push(...seqs);
    this.items = this.items.filter((i) => !seqs.includes(i.seq));
  }
  release(seqs: readonly number[]) {
    this.released.push(...seqs);
    seqs.forEach((s) => this.claimed.delete(s));
  }
}

const logger = pino({ level: 'silent' });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Executor', () => {
  it('takes Sync now ahead of live work and never overlaps runs', async () => {
    const queue = new MemoryQueue();
    queue.add('msdyn_project', 'live-1', 5);
    queue.add('msdyn_project', 'live-2', 5);
    queue.add('salesorder', 'now-1', 10, 'SyncNow');
    const order: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const exec = new Executor({
      queue, logger, batchSize: 1, scheduleMs: 50, idleMs: 5,
      runner: {
        syncRecords: async (items) => { running++; maxRunning = Math.max(maxRunning, running); order.push(...items.map((i) => i.id)); await tick(5); running--; },
        catchUp: async () => { running++; maxRunning = Math.max(maxRunning, running); order.push('catch-up'); await tick(20); running--; },
      },
    });
    exec.start();
    await tick(30);
    queue.add('msdyn_project', 'now-2', 10, 'SyncNow');
    exec.wake();
    await tick(120);
    await exec.stop();
    expect(order.slice(0, 3)).toEqual(['now-1', 'live-1', 'live-2']);
    expect(order).toContain('now-2');
    expect(order).toContain('catch-up');
    expect(maxRunning).toBe(1);
  });

  it('stop() lets the batch in flight finish and leaves the rest queued', async () => {
    const queue = new MemoryQueue();
    for (let i = 0; i < 5; i++) queue.add('msdyn_project', `p${i}`, 5);
    let finished = 0;
    const exec = new Executor({
      queue, logger, batchSize: 2, scheduleMs: null,
      runner: { syncRecords: async () => { await tick(40); finished++; }, catchUp: async () => undefined },
    });
    exec.start();
    await tick(10);
    await exec.stop();
    expect(finished).toBe(1);
    expect(queue.done).toEqual([1, 2]);
    expect(queue.items.map((i) => i.id)).toEqual(['p2', 'p3', 'p4']);
  });

  it('gives a failed batch back to the queue', async () => {
    const queue = new MemoryQueue();
    queue.add('msdyn_project', 'p1', 5);
    const exec = new Executor({
      queue, logger, batchSize: 5, scheduleMs: null, failureBackoffMs: 1000,
      runner: { syncRecords: async () => { throw new Error('F&O down'); }, catchUp: async () => undefined },
    });
    exec.start();
    await tick(20);
    await exec.stop();
    expect(queue.released).toEqual([1]);
    expect(queue.done).toEqual([]);
  });
});
