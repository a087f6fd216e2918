/**
 * XML reading for solution files: strips the UTF-8 BOM exports carry, validates well-formedness
 * and parses with fast-xml-parser into plain objects (attributes as `@_name`, text as `#text`).
 * Elements that may repeat are always arrays, so readers never branch on one-vs-many.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { platformErrors } from '../errors';

export type XmlNode = Record<string, unknown>;

const REPEATING = new Set([
  'RootComponent', 'Entity', 'attribute', 'option', 'status', 'state', 'EntityKey', 'AttributeName',
  'WebResource', 'CustomControl', 'optionset', 'label', 'LocalizedName', 'Description', 'Language',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATING.has(name),
});

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses one XML file of the package; a malformed file is the service's invalid-import error. */
export function parseXmlFile(fileName: string, text: string): XmlNode {
  const xml = stripBom(text);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw platformErrors.unparsableXml(fileName, `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  return parser.parse(xml) as XmlNode;
}

/** Child element as an object ({} when absent or empty). */
export function child(node: unknown, name: string): XmlNode {
  if (!node || typeof node !== 'object') return {};
  const value = (node as XmlNode)[name];
  if (Array.isArray(value)) return (value[0] as XmlNode) ?? {};
  return value && typeof value === 'object' ? (value as XmlNode) : {};
}

/** Repeating child elements as an array of objects. */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v && typeof v === 'object' ? (v as XmlNode) : { '#text': String(v) }));
}

/** Text content of a child element (undefined when absent, empty or xsi:nil). */
export function text(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  let value = (node as XmlNode)[name];
  if (Array.isArray(value)) value = value[0];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const inner = (value as XmlNode)['#text'];
    return inner === undefined || inner === '' ? undefined : String(inner);
  }
  const s = String(value);
  return s === '' ? undefined : s;
}

export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

export function flag(value: string | undefined, fallback = false): boolean {
  if (value === undefined) return fallback;
  return value === '1' || value.toLowerCase() === 'true';
}

export function int(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The 1033 label of a `<x default=".."><label description=".." languagecode="1033"/></x>` element, or its default. */
export function label(node: XmlNode): string | undefined {
  const labels = children(node, 'label');
  const en = labels.find((l) => attr(l, 'languagecode') === '1033') ?? labels[0];
  return (en && attr(en, 'description')) ?? attr(node, 'default');
}
