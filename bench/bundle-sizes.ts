/**
 * Sizes of the PSA-side production bundles (figures, not pass/fail): the SyncStatus PCF bundle
 * and every web resource webpack wrote, raw and gzip-compressed, against the aims of issue 6
 * (PCF bundle < 40 KB minified, each web resource < 25 KB).
 * Run after `npm run build`: `node bin/run-ts.js bench/bundle-sizes.ts [projectRoot]`.
 * Prints a table and writes bench/results/bundle-sizes.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PCF_BUNDLE = join('pcf', 'out', 'controls', 'SyncStatus', 'bundle.js');
export const WEBRESOURCES_DIR = join('out', 'webresources');
export const PCF_AIM_BYTES = 40 * 1024;
export const WEBRESOURCE_AIM_BYTES = 25 * 1024;

export interface BundleSize {
  readonly file: string;
  readonly kind: 'pcf' | 'webresource';
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly aimBytes: number;
  readonly withinAim: boolean;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Measures one file: raw size, gzip size (level 9, as a CDN would serve it) and the aim. */
export function measure(root: string, file: string, kind: BundleSize['kind']): BundleSize {
  const data = readFileSync(file);
  const aimBytes = kind === 'pcf' ? PCF_AIM_BYTES : WEBRESOURCE_AIM_BYTES;
  return { file: relative(root, file), kind, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length, aimBytes, withinAim: data.length < aimBytes };
}

export function measureBundles(root: string): BundleSize[] {
  const pcf = join(root, PCF_BUNDLE);
  const out: BundleSize[] = [];
  if (existsSync(pcf)) out.push(measure(root, pcf, 'pcf'));
  for (const file of walk(join(root, WEBRESOURCES_DIR)).sort()) {
    if (/\.(js|html|svg|css)$/.test(file) && statSync(file).isFile()) out.push(measure(root, file, 'webresource'));
  }
  return out;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatTable(rows: readonly BundleSize[]): string {
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  const lines = [`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'aim'.padStart(10)}  ok`];
  for (const r of rows) {
    lines.push(`${r.file.padEnd(width)}  ${kib(r.bytes).padStart(10)}  ${kib(r.gzipBytes).padStart(10)}  ${('< ' + kib(r.aimBytes)).padStart(10)}  ${r.withinAim ? 'yes' : 'NO'}`);
  }
  return `${lines.join('\n')}\n`;
}

export function main(argv: readonly string[]): number {
  const root = resolve(argv[0] ?? join(__dirname, '..'));
  const rows = measureBundles(root);
  if (!rows.some((r) => r.kind === 'pcf') || !rows.some((r) => r.kind === 'webresource')) {
    process.stderr.write(`No built bundles under ${root} (${PCF_BUNDLE}, ${WEBRESOURCES_DIR}/). Run \`npm run build\` first.\n`);
    return 2;
  }
  process.stdout.write(formatTable(rows));
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const result = { measuredAt: new Date().toISOString(), node: process.version, bundles: rows };
  writeFileSync(join(resultsDir, 'bundle-sizes.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`written ${relative(root, join(resultsDir, 'bundle-sizes.json'))}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
