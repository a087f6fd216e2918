import { CONTENT_TYPES_NS, newDocument, serialize } from './xml';

const OCTET = 'application/octet-stream';

/**
 * [Content_Types].xml: one Default per file extension present in the zip, one Override per
 * extension-less file (solution-format §1.2). `paths` are zip entry names.
 */
export function contentTypesXml(paths: readonly string[]): string {
  const extensions = new Set<string>(['xml']);
  const overrides: string[] = [];
  for (const p of paths) {
    const base = p.slice(p.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    if (dot > 0) extensions.add(base.slice(dot + 1).toLowerCase());
    else overrides.push(`/${p}`);
  }
  const types = newDocument().ele('Types', { xmlns: CONTENT_TYPES_NS });
  for (const ext of [...extensions].sort()) types.ele('Default', { Extension: ext, ContentType: ext === 'xml' ? 'text/xml' : OCTET });
  for (const part of overrides.sort()) types.ele('Override', { PartName: part, ContentType: OCTET });
  return serialize(types.doc());
}
