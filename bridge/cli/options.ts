import { InvalidArgumentError } from 'commander';

const COUNT: Record<number, string> = { 2: 'two', 3: 'three', 4: 'four' };

/**
 * Parses a comma-separated list of ports, one per name (`0` picks a free port), for commander:
 * portList(['dataverse', 'finops'], '7071,7072') → { dataverse: 7071, finops: 7072 }.
 */
export function portList<K extends string>(names: readonly K[], labels: string, example: string): (value: string) => Record<K, number> {
  return (value) => {
    const parts = value.split(',').map((p) => p.trim());
    const nums = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    if (parts.length !== names.length || nums.some((n) => !Number.isInteger(n) || n > 65535)) {
      throw new InvalidArgumentError(`Give ${COUNT[names.length] ?? names.length} ports, ${labels}, e.g. ${example} (0 picks a free port).`);
    }
    return Object.fromEntries(names.map((name, i) => [name, nums[i]])) as Record<K, number>;
  };
}

/** `--latency-ms N`: whole milliseconds. */
export function latencyMs(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Give the latency in whole milliseconds, e.g. 20.');
  return Number(value);
}
