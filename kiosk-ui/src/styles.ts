import { css } from 'lit';

/**
 * The kiosk's page: its base size follows the screen, so every rem of the shared type scale
 * grows with it (24 px body text on a 1080-wide screen, read at arm's length; 18 px on a 10"
 * tablet). An adopted sheet, as the Content-Security-Policy forbids inline styles.
 */
export const pageSheet = `
html { font-size: clamp(16px, 2.25vmin, 32px); }
body { margin: 0; background: var(--paper); color: var(--ink); font-family: var(--font); }
`;

/**
 * Shared look of the kiosk's screens. Colours, sizes and the touch target come from the token
 * sheet on :root; accessible mode is the root's `data-accessible` attribute, which flips them.
 */
export const base = css`
  :host {
    font-size: var(--text-m);
    color: var(--ink);
    font-family: var(--font);
  }
  button {
    font: inherit;
    min-height: var(--target);
    min-width: var(--target);
    border-radius: var(--radius-l);
    border: 3px solid var(--ink);
    background: var(--paper);
    color: var(--ink);
    padding: var(--space-2) var(--space-3);
    cursor: pointer;
    touch-action: manipulation;
  }
  button:focus-visible {
    outline: 6px solid var(--focus);
    outline-offset: 3px;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-ink);
    border-color: var(--accent);
    font-weight: 700;
  }
  button[aria-pressed='true'] {
    background: var(--chosen);
    color: var(--accent-ink);
    border-color: var(--chosen);
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  /* a long word (Hyvinvointineuvonta, Працевлаштування) breaks rather than leaves its button */
  button {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  button svg {
    flex: none;
    width: 1.8em;
    height: 1.8em;
  }
  h1,
  h2,
  p {
    margin: 0 0 0.4em;
  }
  h1 {
    font-size: var(--text-xl);
  }
  .muted {
    color: var(--muted);
  }
`;

/**
 * One screen fills the kiosk's screen and never scrolls. Portrait: what is read on top, the
 * controls below. In accessible mode the controls keep their natural height and sit at the
 * bottom, below what is read, so they stay within a seated visitor's reach (layout/reach.ts).
 */
export const screen = css`
  :host {
    display: grid;
    height: 100%;
    min-height: 0;
    box-sizing: border-box;
    gap: var(--space-3);
  }
  .info {
    min-width: 0;
  }
`;
