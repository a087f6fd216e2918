import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config';
import { untilSignal } from './signals';

/** `serve --config F`: the bridge alone (webhook intake, admin API, queue worker, schedule). */
export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('run the bridge service: webhooks, Sync now, schedule and the admin API')
    .requiredOption('--config <file>', 'bridge configuration file')
    .action(async (opts: { config: string }) => {
      const { startBridgeService } = require('../service/service') as typeof import('../service/service'); // loaded when used
      const logger = pino({ level: process.env.PSAFO_LOG_LEVEL ?? 'info', redact: ['req.headers.authorization', 'req.headers["x-psafo-key"]'] });
      const bridge = await startBridgeService({ config: loadConfig(opts.config), logger });
      process.stdout.write(`${JSON.stringify({ event: 'ready', bridge: bridge.url })}\n`);
      await untilSignal();
      await bridge.close();
    });
}
