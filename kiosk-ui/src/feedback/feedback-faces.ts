import { svg } from 'lit';
import type { FeedbackAnswer } from '@luukku/shared';

/** A smiley drawn in SVG, not an emoji font: the same on every tablet, in the answer's colour. */
export const face = (a: FeedbackAnswer) => svg`<svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">
  <circle cx="20" cy="20" r="18" fill="currentColor" opacity="0.14"/>
  <circle cx="20" cy="20" r="18" fill="none" stroke="currentColor" stroke-width="2.2"/>
  <circle cx="14" cy="16" r="2.4" fill="currentColor"/><circle cx="26" cy="16" r="2.4" fill="currentColor"/>
  <path d=${a === 'yes' ? 'M12 24 Q20 32 28 24' : a === 'partly' ? 'M12 26 L28 26' : 'M12 29 Q20 21 28 29'} fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round"/>
</svg>`;
