import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../bridge/store';

describe('queue claims of a process that died', () => {
  it('go back to the queue at start-up instead of waiting for the lease', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psafo-queue-'));
    try {
      const path = join(dir, 'state.db');
      const first = Store.open(path);
      first.queue.enqueue([
        { entity: 'msdyn_project', id: 'a', trigger: 'SyncNow', priority: 10 },
        { entity: 'msdyn_project', id: 'b', trigger: 'Live', priority: 5 },
      ]);
      expect(first.queue.claim('bridge-1', 10).map((i) => i.id)).toEqual(['a', 'b']);
      first.close(); // the process dies with both claimed

      const second = Store.open(path);
      expect(second.queue.claim('bridge-2', 10)).toEqual([]); // still leased
      expect(second.queue.recoverClaims()).toBe(2);
      const again = second.queue.claim('bridge-2', 10);
      expect(again.map((i) => [i.id, i.trigger])).toEqual([['a', 'SyncNow'], ['b', 'Live']]);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
