import { css } from 'lit';

/**
 * Calm, dense enough for a full day at a desk, large enough for a tablet. Colours, type and
 * radii come from the shared token sheet on :root (@luukku/shared/tokens), declared once.
 */
export const base = css`
  :host {
    font-family: var(--font);
    font-size: var(--text-m);
    color: var(--ink);
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.35em 0.9em;
    border-radius: var(--radius-s);
    border: 2px solid var(--accent);
    background: var(--paper);
    color: var(--accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-ink);
  }
  button[aria-pressed='true'] {
    background: var(--accent);
    color: var(--accent-ink);
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
    border-radius: var(--radius-s);
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
    border-radius: var(--radius-m);
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
  /* a text in several languages (admin-forms' texts()), with its missing marks */
  .texts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: var(--space-2) var(--space-3);
  }
  .text-field {
    display: grid;
    gap: var(--space-1);
    align-content: start;
  }
  .text-field .missing {
    justify-self: start;
  }
`;
