import { css } from 'lit';

/**
 * The wall's look: calm and legible from across the room. Colours, the font and radii are the
 * shared tokens declared once on :root (`@luukku/shared/tokens`). Sizes are in `em` of the
 * app's base size, which follows the screen (20 px on 1920×1080), so a smaller or larger screen
 * keeps the same layout.
 */
export const tokens = css`
  :host {
    font-family: var(--font);
    color: var(--ink);
  }
  h1,
  h2,
  p {
    margin: 0;
  }
  .sub {
    color: var(--muted);
    font-weight: 500;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** A column of the lobby screen under its heading: the featured call and the history share it. */
export const column = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 0.8em;
    min-height: 0;
  }
  h2 {
    font-size: 1.5em;
    font-weight: 700;
    white-space: nowrap;
  }
  h2 .sub {
    font-size: 0.7em;
  }
`;
