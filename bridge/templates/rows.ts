import type { FieldMapping, Transform, ValueMapId, Unmapped } from './types';

/** Short constructors for mapping-table rows, so each table reads like the spec's table. */
export const copy = (source: string, destination: string, required = false): FieldMapping => ({ source, destination, transform: { kind: 'copy' }, required });
export const constant = (destination: string, value: string | number | boolean): FieldMapping => ({ source: null, destination, transform: { kind: 'constant', value } });
export const valueMap = (source: string, destination: string, map: ValueMapId, unmapped: Unmapped, dflt?: string | number | null): FieldMapping => ({
  source,
  destination,
  transform: dflt === undefined ? { kind: 'valueMap', map, unmapped } : { kind: 'valueMap', map, unmapped, default: dflt },
});
export const fn = (source: string | null, destination: string, transform: Transform): FieldMapping => ({ source, destination, transform });
