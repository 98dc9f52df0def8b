import { css } from 'lit';

/** Calm, dense enough for a full day at a desk, large enough for a tablet. */
export const base = css`
  :host {
    --ink: #1b2533;
    --muted: #4d5b6b;
    --line: #c9d2dd;
    --paper: #ffffff;
    --wash: #f1f4f8;
    --accent: #0b5cad;
    --warn: #9a3412;
    --warn-wash: #fff4e5;
    --danger: #b00020;
    --focus: #ffbf47;
    font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
    font-size: 1rem;
    color: var(--ink);
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.35em 0.9em;
    border-radius: 8px;
    border: 2px solid var(--accent);
    background: var(--paper);
    color: var(--accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--accent);
    color: #fff;
  }
  button[aria-pressed='true'] {
    background: var(--accent);
    color: #fff;
  }
  button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  :focus-visible {
    outline: 4px solid var(--focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 40px;
    padding: 0.3em 0.5em;
    border: 2px solid var(--line);
    border-radius: 6px;
    background: var(--paper);
    color: var(--ink);
    box-sizing: border-box;
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.5em;
  }
  .muted {
    color: var(--muted);
  }
  .card {
    background: var(--paper);
    border: 1px solid var(--line);
    border-radius: 12px;
    padding: 16px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0 0.6em;
    font-size: 0.85em;
    border: 1px solid var(--line);
    background: var(--wash);
  }
  .badge.warn {
    background: var(--warn-wash);
    border-color: var(--warn);
    color: var(--warn);
  }
`;
