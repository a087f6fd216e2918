import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { LCID_EN, LCID_FR } from '../../solution/constants';
import type { Localized } from '../../solution/types';

export type Node = XMLBuilder;

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** A new document with the XML declaration Dataverse exports carry. */
export function newDocument(): Node {
  return create({ version: '1.0', encoding: 'utf-8' });
}

/** Serializes pretty-printed, LF line ends, no BOM (pac-built zips carry none; see solution-format §0). */
export function serialize(doc: Node): string {
  return `${doc.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}

/** The (language code, text) pairs of a localized text: English always, French when given. */
export function labels(text: Localized): { lcid: number; text: string }[] {
  const out = [{ lcid: LCID_EN, text: text.en }];
  if (text.fr !== undefined) out.push({ lcid: LCID_FR, text: text.fr });
  return out;
}

/** `<parent><child description=".." languagecode=".."/>…</parent>` as exports write labels. */
export function labelList(node: Node, parent: string, child: string, text: Localized): Node {
  const list = node.ele(parent);
  for (const l of labels(text)) list.ele(child, { description: l.text, languagecode: String(l.lcid) });
  return node;
}

/** `<name default="..."><label description=".." languagecode=".."/></name>` (env vars, custom APIs). */
export function defaultLabel(node: Node, name: string, text: Localized): Node {
  const el = node.ele(name, { default: text.en });
  for (const l of labels(text)) el.ele('label', { description: l.text, languagecode: String(l.lcid) });
  return node;
}

/** Appends simple `<name>value</name>` children in order. */
export function fields(node: Node, values: ReadonlyArray<readonly [string, string | number]>): Node {
  for (const [name, value] of values) node.ele(name).txt(String(value));
  return node;
}

export const bit = (b: boolean): string => (b ? '1' : '0');
