/**
 * The one design-token sheet of the three UIs (issue 13 §4): colours, type scale, spacing and
 * radii, declared once on `:root`. Custom properties inherit through shadow roots, so every Lit
 * component reads `var(--ink)` without declaring it. Accessible mode (the kiosk's high-contrast,
 * within-reach mode) is one attribute on the root element, `data-accessible`, which flips the
 * colours and sizes for the whole page; components style themselves with
 * `:host-context([data-accessible])` or simply read the flipped tokens.
 *
 * Shared by the UIs only (they depend on Lit; the server does not load this file).
 */
const root = `
:root {
  /* colours: ink on paper, one accent, and the few states a screen must tell apart */
  --ink: #14213d;
  --muted: #4a5568;
  --paper: #ffffff;
  --wash: #eef2f7;
  --line: #d5dbe4;
  --accent: #0b5cad;
  --accent-ink: #ffffff;
  --chosen: #0b5cad;
  --focus: #ffbf47;
  --warn: #9a3412;
  --warn-wash: #fff4e5;
  --danger: #b00020;
  --night: #14213d;
  --night-ink: #ffffff;
  --night-muted: #c3cddb;
  /* type scale, in rem of the page's base size (each UI sets the base for its screen) */
  --text-s: 0.875rem;
  --text-m: 1rem;
  --text-l: 1.25rem;
  --text-xl: 1.6rem;
  --text-xxl: 2.2rem;
  --font: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
  /* spacing */
  --space-1: 4px;
  --space-2: 8px;
  --space-3: 14px;
  --space-4: 24px;
  --space-5: 40px;
  /* radii */
  --radius-s: 6px;
  --radius-m: 12px;
  --radius-l: 14px;
  /* the smallest touch target on a touch screen */
  --target: 72px;
  /* a chosen option's wash, and the charts' own shades (staff reports) */
  --accent-wash: #e8f1fb;
  --chart-light: #9cc3ea;
  --chart-cool: #dbe8f6;
  --chart-hot: #0b3d91;
  --chart-warn: #c2410c;
  /* a service's name where a visitor chooses it: 32 px or more at arm's length (kiosk, issue 13 §1) */
  --text-service: 1.4rem;
}
:root[data-accessible] {
  --ink: #ffffff;
  --muted: #f5f5f5;
  --paper: #000000;
  --wash: #1a1a1a;
  --line: #8a8a8a;
  --accent: #ffd400;
  --accent-ink: #000000;
  --chosen: #ffd400;
  --focus: #00e5ff;
  --target: 88px;
}
`;

let sheet: CSSStyleSheet | null = null;

/**
 * Declares the tokens on the document's root. An adopted sheet, not a <style> element, so the
 * Content-Security-Policy (no 'unsafe-inline') allows it; calling it twice adds it once.
 */
export function adoptTokens(doc: Document = document): void {
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(root);
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Accessible mode is one attribute on the root element; every component follows it. */
export function setAccessibleMode(on: boolean, doc: Document = document): void {
  doc.documentElement.toggleAttribute('data-accessible', on);
}

/** The value of a token, for code that draws (charts on a canvas or in SVG attributes). */
export function token(name: `--${string}`, el: Element = document.documentElement): string {
  return getComputedStyle(el).getPropertyValue(name).trim();
}
