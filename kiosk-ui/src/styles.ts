import { css } from 'lit';

/** Shared look: big targets, calm colours, and a high-contrast variant for accessible mode. */
export const base = css`
  :host {
    --ink: #14213d;
    --muted: #4a5568;
    --paper: #ffffff;
    --wash: #eef2f7;
    --accent: #0b5cad;
    --accent-ink: #ffffff;
    --chosen: #0b5cad;
    --focus: #ffbf47;
    --radius: 14px;
    --gap: 14px;
    --target: 72px;
    font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
    font-size: 1.25rem;
    color: var(--ink);
  }
  :host([accessible]) {
    --ink: #ffffff;
    --muted: #f5f5f5;
    --paper: #000000;
    --wash: #1a1a1a;
    --accent: #ffd400;
    --accent-ink: #000000;
    --chosen: #ffd400;
    --focus: #00e5ff;
    --target: 88px;
    font-size: 1.6rem;
  }
  button {
    font: inherit;
    min-height: var(--target);
    min-width: var(--target);
    border-radius: var(--radius);
    border: 3px solid var(--ink);
    background: var(--paper);
    color: var(--ink);
    padding: 0.5em 1em;
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
  .controls {
    display: grid;
    gap: var(--gap);
    align-content: start;
  }
  /* accessible mode: what is read sits above, every control within reach below it */
  :host([accessible]) .info {
    min-height: 42vh;
    max-height: 42vh;
    overflow: hidden;
    box-sizing: border-box;
  }
  :host([accessible]) .controls {
    display: grid;
    gap: var(--gap);
    max-height: calc(58vh - 72px);
    overflow-y: auto;
    padding: 6px;
  }
  h1,
  h2,
  p {
    margin: 0 0 0.5em;
  }
  .muted {
    color: var(--muted);
  }
`;
