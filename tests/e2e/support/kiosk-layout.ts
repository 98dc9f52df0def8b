import type { Page } from 'playwright-core';

/** What a kiosk screen looks like to a visitor, measured in the page through every shadow root. */
export interface Measured {
  viewport: { width: number; height: number };
  controls: { name: string; top: number; bottom: number; left: number; right: number; width: number; height: number }[];
  /** The document and any element that scrolls or clips, where its content is larger than its box. */
  scrolling: string[];
  /** Elements whose own text is smaller than they should be, with their size in px. */
  texts: { text: string; px: number; serviceName: boolean }[];
}

/** Measures the page as it is now (after the next two frames, so a new viewport has laid out). */
export function measure(page: Page): Promise<Measured> {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const label = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    const controls = all
      .filter((el) => el.matches('button, a[href], input, select, textarea, [role="button"]') && shown(el))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: label(el), top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
      });
    const doc = document.documentElement;
    const scrolling: string[] = [];
    if (doc.scrollHeight > doc.clientHeight || doc.scrollWidth > doc.clientWidth) scrolling.push(`document ${doc.scrollWidth}×${doc.scrollHeight} in ${doc.clientWidth}×${doc.clientHeight}`);
    for (const el of all) {
      const s = getComputedStyle(el);
      if (s.overflowY === 'visible' && s.overflowX === 'visible') continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) scrolling.push(`${label(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    const texts = all
      .filter((el) => shown(el) && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
      .map((el) => ({
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40),
        px: parseFloat(getComputedStyle(el).fontSize),
        serviceName: el.matches('.tile .label, ol.plan li, ul.services li'),
      }));
    return { viewport: { width: innerWidth, height: innerHeight }, controls, scrolling, texts };
  });
}
