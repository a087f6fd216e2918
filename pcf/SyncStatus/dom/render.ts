/** Renders a StatusView into the control's container. No business decisions here. */
import type { StatusView } from '../view/types';
import { el } from '../../../webresources/shared/el';

export interface ViewHandlers {
  readonly onRefresh: () => void;
  readonly onToggleDetails: () => void;
}

const B = 'psafo-sync';

/** Creates the persistent skeleton: an ARIA live region and a body that is re-rendered. */
export function createShell(container: HTMLElement): { root: HTMLElement; body: HTMLElement; live: HTMLElement } {
  const doc = container.ownerDocument;
  const live = el(doc, 'div', { className: `${B}__sr-only`, attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  const body = el(doc, 'div', { className: `${B}__body` });
  const root = el(doc, 'div', { className: B }, [live, body]);
  container.appendChild(root);
  return { root, body, live };
}

function button(doc: Document, action: string, text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
  const b = el(doc, 'button', { className: `${B}__button`, attrs: { type: 'button', 'data-action': action, ...attrs } }, [text]);
  b.addEventListener('click', onClick);
  return b;
}

function body(doc: Document, view: StatusView, h: ViewHandlers, idBase: string): HTMLElement[] {
  const refresh = button(doc, 'refresh', view.refresh.text, h.onRefresh, { 'aria-label': view.refresh.label });
  if (view.refresh.disabled) refresh.setAttribute('aria-disabled', 'true');
  const header = el(doc, 'div', { className: `${B}__header` }, [
    el(doc, 'span', { className: `${B}__badge ${B}__badge--${view.tone}`, attrs: { 'data-tone': view.tone } }, [view.badgeText]),
    view.facts.length > 0 ? el(doc, 'span', { className: `${B}__summary` }, [view.summary]) : null,
    refresh,
  ]);
  const out: HTMLElement[] = [header];
  if (view.problem) out.push(el(doc, 'p', { className: `${B}__problem`, attrs: { role: 'note' } }, [view.problem]));
  if (view.facts.length > 0) {
    const dl = el(doc, 'dl', { className: `${B}__facts` });
    for (const f of view.facts) { dl.appendChild(el(doc, 'dt', {}, [f.label])); dl.appendChild(el(doc, 'dd', {}, [f.value])); }
    out.push(dl);
  }
  if (view.message) out.push(el(doc, 'p', { className: `${B}__message` }, [view.message]));
  if (view.detail) {
    const detailId = `${idBase}-detail`;
    out.push(button(doc, 'toggle-details', view.detail.toggleLabel, h.onToggleDetails, {
      'aria-expanded': String(view.detail.expanded), 'aria-controls': detailId,
    }));
    const pre = el(doc, 'pre', { className: `${B}__details`, attrs: { id: detailId } }, [view.detail.text]);
    if (!view.detail.expanded) pre.setAttribute('hidden', 'hidden');
    out.push(pre);
  }
  if (view.children.length > 0) {
    const list = el(doc, 'ul', { className: `${B}__list` }, view.children.map((c) => el(doc, 'li', {}, [
      `${c.label}: ${c.synced}`,
      c.error ? ' · ' : null,
      c.error ? el(doc, 'span', { className: `${B}__count--error` }, [c.error]) : null,
      c.skipped ? ` · ${c.skipped}` : null,
    ])));
    out.push(el(doc, 'section', { className: `${B}__section`, attrs: { 'aria-label': view.childrenTitle } }, [
      el(doc, 'h3', {}, [view.childrenTitle]), list,
    ]));
  }
  if (view.locks.length > 0) {
    const list = el(doc, 'ul', { className: `${B}__list` }, view.locks.map((l) => el(doc, 'li', { attrs: { 'data-column': l.column } }, [
      el(doc, 'strong', {}, [l.label]), ` (${l.source})`,
      el(doc, 'span', { className: `${B}__lock-reason` }, [l.reason]),
    ])));
    out.push(el(doc, 'section', { className: `${B}__section`, attrs: { 'aria-label': view.locksTitle } }, [
      el(doc, 'h3', {}, [view.locksTitle]), list,
    ]));
  }
  if (view.footer) out.push(el(doc, 'div', { className: `${B}__footer` }, [view.footer]));
  return out;
}

/** Re-renders the body, keeps keyboard focus on the same action, and updates the live region only on change. */
export function renderView(shell: { root: HTMLElement; body: HTMLElement; live: HTMLElement }, view: StatusView, h: ViewHandlers, idBase: string): void {
  const doc = shell.root.ownerDocument;
  const focused = doc.activeElement instanceof HTMLElement && shell.body.contains(doc.activeElement)
    ? doc.activeElement.getAttribute('data-action') : null;
  shell.root.classList.toggle(`${B}--compact`, view.compact);
  shell.root.setAttribute('aria-busy', String(view.tone === 'loading'));
  shell.body.replaceChildren(...body(doc, view, h, idBase));
  if (view.announcement && shell.live.textContent !== view.announcement) shell.live.textContent = view.announcement;
  if (focused) {
    const again = shell.body.querySelector<HTMLElement>(`[data-action="${focused}"]`);
    again?.focus();
  }
}
