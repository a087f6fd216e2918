import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Text of an XML entry without a UTF-8 BOM (Dataverse exports carry one). */
export function xmlText(data: Buffer): string {
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Well-formedness: null when fine, else the parser's message with line. */
export function wellFormedError(text: string): string | null {
  const result = XMLValidator.validate(text);
  return result === true ? null : `not well-formed XML: ${result.err.msg} (line ${result.err.line})`;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['WebResource', 'CustomControl', 'Entity', 'RootComponent', 'css', 'resx', 'img', 'html', 'code'].includes(name),
});

/** Parsed XML as plain objects: attributes as `@name`, text as `#text` when mixed. */
export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

/** Child object at a path of element names, or undefined. */
export function at(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as Record<string, unknown>)['#text']);
  return undefined;
}
