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
