import { ConfigError, loadConfig } from '../config';
import { Store } from '../store';

/**
 * Opens the state store of a configuration for a read-only CLI command, runs `fn` and closes it.
 * A bad configuration or an unreadable store prints its message and sets exit code 2.
 */
export function withStore(configPath: string, fn: (store: Store) => void): void {
  let store: Store;
  try {
    store = Store.open(loadConfig(configPath).store.path);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    fn(store);
  } finally {
    store.close();
  }
}
