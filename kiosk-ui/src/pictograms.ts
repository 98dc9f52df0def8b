import { svg, type SVGTemplateResult } from 'lit';

/** Simple line pictograms for the life situations and needs; decorative (aria-hidden). */
const paths: Record<string, SVGTemplateResult> = {
  briefcase: svg`<rect x="6" y="18" width="52" height="34" rx="4"/><path d="M24 18v-6h16v6M6 32h52"/>`,
  home: svg`<path d="M8 30 32 10l24 20M14 26v26h36V26"/><rect x="27" y="36" width="10" height="16"/>`,
  coins: svg`<ellipse cx="26" cy="20" rx="16" ry="6"/><path d="M10 20v10c0 3 7 6 16 6s16-3 16-6V20"/><ellipse cx="40" cy="40" rx="16" ry="6"/><path d="M24 40v10c0 3 7 6 16 6s16-3 16-6V40"/>`,
  compass: svg`<circle cx="32" cy="32" r="24"/><path d="m42 22-6 14-14 6 6-14z"/>`,
  'id-card': svg`<rect x="6" y="14" width="52" height="36" rx="4"/><circle cx="22" cy="30" r="6"/><path d="M14 44c2-5 14-5 16 0M36 26h14M36 34h14"/>`,
  question: svg`<circle cx="32" cy="32" r="24"/><path d="M25 25a7 7 0 1 1 10 6c-2 1-3 3-3 5v2"/><circle cx="32" cy="45" r="1.5"/>`,
  interpreter: svg`<path d="M8 12h30v20H20l-8 8v-8H8z"/><path d="M44 24h12v20h-4v8l-8-8H30v-6"/>`,
  accessible: svg`<circle cx="30" cy="10" r="5"/><path d="M30 16v18h14l6 14M30 24h12"/><path d="M22 30a14 14 0 1 0 20 16"/>`,
  globe: svg`<circle cx="32" cy="32" r="24"/><path d="M8 32h48M32 8c-8 8-8 40 0 48M32 8c8 8 8 40 0 48"/>`,
  companion: svg`<circle cx="22" cy="16" r="7"/><circle cx="44" cy="20" r="6"/><path d="M8 54c0-12 6-20 14-20s14 8 14 20M34 54c0-10 4-16 10-16s10 6 10 16"/>`,
};

export function pictogram(name: string): SVGTemplateResult {
  return svg`<svg viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${paths[name] ?? paths.question}</svg>`;
}
