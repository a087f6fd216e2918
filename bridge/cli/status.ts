import type { Command } from 'commander';
import { recordSyncState } from '../store/record-state';
import { withStore } from './with-store';
import { TEMPLATES } from '../templates';

/** `status ENTITY ID`: what the bridge knows about one PSA record (F&O keys, last result). */
export function statusCommand(program: Command): void {
  program
    .command('status <entity> <id>')
    .description('show the sync state of one record, e.g. status msdyn_project <guid>')
    .requiredOption('-c, --config <file>', 'bridge configuration JSON')
    .option('--json', 'print JSON')
    .action((entity: string, id: string, o: { config: string; json?: boolean }) => {
      withStore(o.config, (store) => {
        const tasks = TEMPLATES.flatMap((t) => t.tasks).filter((t) => t.source.entityName === entity);
        if (tasks.length === 0) {
          process.stderr.write(`no template reads '${entity}'; use a logical name such as msdyn_project, salesorder, msdyn_projecttask, msdyn_actual\n`);
          process.exitCode = 2;
          return;
        }
        const keys = tasks.flatMap((t) => store.keyMap.forSource(t.id, id).map((e) => ({ task: t.id, legalEntity: e.legalEntity, key: e.destKey, state: e.state })));
        const last = store.runs.latestFor(entity, id);
        const queued = store.queue.isQueued(entity, id);
        const state = recordSyncState({ queued, lastOutcome: last?.outcome, written: keys.some((k) => k.state === 'written') });
        const view = { entity, id, state, finops: keys, lastResult: last ?? null };
        if (o.json) {
          process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        } else {
          process.stdout.write(`${entity} ${id}: ${state}\n`);
          for (const k of keys) process.stdout.write(`  ${k.task}: ${k.state} ${k.legalEntity ?? ''} ${JSON.stringify(k.key)}\n`);
          if (last) process.stdout.write(`  last run ${last.runId} at ${last.at}: ${last.outcome}${last.message ? ` — ${last.message}` : ''}\n`);
        }
        process.exitCode = state === 'Error' ? 1 : 0;
      });
    });
}
