import { XMLParser } from 'fast-xml-parser';
import type { FinOpsClient } from './client';
import { asFinOpsError } from './errors';

/** Entity sets and their properties from a CSDL $metadata document (F&O or Dataverse). */
export interface ServiceMetadata {
  /** entity set name → property names of its entity type. */
  readonly entitySets: ReadonlyMap<string, ReadonlySet<string>>;
}

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);

/** Parses CSDL XML with an XML library (never regex). */
export function parseCsdl(xml: string): ServiceMetadata {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true }).parse(xml) as Node;
  const schemas = list((((doc.Edmx as Node | undefined)?.DataServices as Node | undefined) ?? {}).Schema);
  const types = new Map<string, Set<string>>();
  for (const s of schemas) {
    const ns = String(s['@Namespace'] ?? '');
    for (const t of list(s.EntityType)) {
      const props = new Set([...list(t.Property), ...list(t.NavigationProperty)].map((p) => String(p['@Name'])));
      types.set(`${ns}.${String(t['@Name'])}`, props);
    }
  }
  const sets = new Map<string, ReadonlySet<string>>();
  for (const s of schemas) {
    for (const c of list(s.EntityContainer)) {
      for (const es of list(c.EntitySet)) sets.set(String(es['@Name']), types.get(String(es['@EntityType'])) ?? new Set());
    }
  }
  return { entitySets: sets };
}

export async function readFinOpsMetadata(client: FinOpsClient): Promise<ServiceMetadata> {
  try {
    const res = await client.http.send({ method: 'GET', url: `${client.dataUrl}/$metadata`, headers: { Accept: 'application/xml' } });
    return parseCsdl(res.text);
  } catch (err) {
    throw asFinOpsError(err);
  }
}
