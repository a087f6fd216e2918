/** Tiny DOM helper: an element with class, attributes and children (text is always set as text). */
export type Child = Node | string | null | undefined | false;

export function el(
  doc: Document,
  tag: string,
  props: { className?: string; attrs?: Record<string, string> } = {},
  children: readonly Child[] = [],
): HTMLElement {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children. */
export function svg(doc: Document, tag: string, attrs: Record<string, string | number> = {}, children: readonly Child[] = []): SVGElement {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}
