import type { Db } from './database';

/** Change-tracking delta token per template task; absent = the next run reads everything. */
export class DeltaTokens {
  constructor(private readonly db: Db) {}

  get(task: string): string | undefined {
    return (this.db.prepare('SELECT token FROM delta_tokens WHERE task = ?').get(task) as { token: string } | undefined)?.token;
  }

  set(task: string, token: string): void {
    this.db
      .prepare('INSERT INTO delta_tokens (task, token, updated_at) VALUES (?, ?, ?) ON CONFLICT (task) DO UPDATE SET token = excluded.token, updated_at = excluded.updated_at')
      .run(task, token, new Date().toISOString());
  }

  clear(task?: string): void {
    if (task === undefined) this.db.prepare('DELETE FROM delta_tokens').run();
    else this.db.prepare('DELETE FROM delta_tokens WHERE task = ?').run(task);
  }
}
