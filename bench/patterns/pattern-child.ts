import { readFileSync } from 'node:fs';
import pino from 'pino';
import { parseConfig } from '../../bridge/config';
import { createServices } from '../../bridge/engine';
import { runPattern, type PatternName, type SampleRecord } from './patterns';

/**
 * A comparison pattern in its own process, as the bridge runs in its own: the emulators (in the
 * bench's process) get the same one core whichever client talks to them.
 * `node bin/run-ts.js bench/patterns/pattern-child.ts <config.json> <sample.json> <per-record|batch-10>`
 * prints `{"seconds":…}`.
 */
async function main(): Promise<void> {
  const [configPath, samplePath, name] = process.argv.slice(2);
  const config = parseConfig(JSON.parse(readFileSync(configPath, 'utf8')), configPath, process.env);
  const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as SampleRecord[];
  const seconds = await runPattern(name as PatternName, createServices(config, pino({ level: 'silent' })), sample);
  process.stdout.write(`${JSON.stringify({ seconds })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
