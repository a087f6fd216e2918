export interface SizeRow {
  readonly name: string;
  readonly bytes: number;
}

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** A plain-text table of file sizes: name, bytes, human size. */
export function formatSizeTable(title: string, rows: readonly SizeRow[]): string {
  const width = Math.max(title.length, ...rows.map((r) => r.name.length));
  const lines = [`${title.padEnd(width)}  ${'bytes'.padStart(9)}  ${'size'.padStart(10)}`];
  lines.push(`${'-'.repeat(width)}  ${'-'.repeat(9)}  ${'-'.repeat(10)}`);
  for (const r of rows) lines.push(`${r.name.padEnd(width)}  ${String(r.bytes).padStart(9)}  ${human(r.bytes).padStart(10)}`);
  return `${lines.join('\n')}\n`;
}
