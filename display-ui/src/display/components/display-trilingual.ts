import { html } from 'lit';
import type { Trilingual } from '../words.js';

/** Finnish, then Swedish and English in a quieter voice: beside it, or on the line below. */
export function trilingual(text: Trilingual, layout: 'inline' | 'stacked' = 'inline') {
  const others = html`<span class="sub"><span lang="sv">${text.sv}</span> · <span lang="en">${text.en}</span></span>`;
  return layout === 'stacked' ? html`${text.fi}<br />${others}` : html`${text.fi} ${others}`;
}
