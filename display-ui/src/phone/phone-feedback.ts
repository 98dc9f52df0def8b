import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { feedbackWords, languageInfo } from '@luukku/shared/i18n';
import type { FeedbackAnswer, PublicVisit } from '@luukku/shared';
import { FeedbackController } from './feedback-data.js';

const answers: readonly FeedbackAnswer[] = ['yes', 'partly', 'no'];

/** A face drawn, not a font's emoji: the same on every phone, coloured by the answer. */
const face = (a: FeedbackAnswer) => svg`<svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">
  <circle cx="20" cy="20" r="18" fill="currentColor" opacity="0.15"/><circle cx="20" cy="20" r="18" fill="none" stroke="currentColor" stroke-width="2.5"/>
  <circle cx="14" cy="16" r="2.4" fill="currentColor"/><circle cx="26" cy="16" r="2.4" fill="currentColor"/>
  <path d=${a === 'yes' ? 'M12 24 Q20 32 28 24' : a === 'partly' ? 'M12 26 L28 26' : 'M12 29 Q20 21 28 29'} fill="none" stroke="currentColor" stroke-width="2.8" stroke-linecap="round"/>
</svg>`;

/**
 * The one question at the end of a visit (issue 11 §3): shown on the phone page when the visit
 * is done and has not answered; a thank-you after the answer, nothing once the server knows it.
 */
@customElement('phone-feedback')
export class PhoneFeedback extends LitElement {
  static override styles = css`
    :host { display: block; margin-top: 1.2rem; }
    h2 { font-size: 1.3rem; margin: 0 0 0.8rem; }
    .answers { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.6rem; }
    button {
      min-height: 5.5rem; border-radius: 14px; border: 2px solid currentColor; background: #fff;
      font: inherit; font-weight: 700; cursor: pointer; display: flex; flex-direction: column;
      align-items: center; justify-content: center; gap: 0.3rem; padding: 0.5rem;
    }
    button:focus-visible { outline: 4px solid #14213d; outline-offset: 3px; }
    button[disabled] { opacity: 0.6; cursor: default; }
    svg { width: 2.6rem; height: 2.6rem; }
    .yes { color: #1b6e37; }
    .partly { color: #8a5a00; }
    .no { color: #a3261d; }
    .thanks { font-size: 1.3rem; font-weight: 700; color: #1b6e37; }
    .failed { color: #8a1c1c; }
  `;

  @property({ attribute: false }) visit: PublicVisit | null = null;
  private readonly _feedback = new FeedbackController(this);

  override render() {
    const visit = this.visit;
    if (!visit || visit.status !== 'done') return nothing;
    const state = this._feedback.state;
    // answered on an earlier load: the question does not come back
    if (visit.feedbackGiven && state === 'asking') return nothing;
    const w = feedbackWords[visit.language] ?? feedbackWords.en;
    const info = languageInfo(visit.language);
    return html`<section lang=${info.tag} dir=${info.dir} aria-labelledby="q">
      <div role="status" aria-live="polite">${state === 'thanks' ? html`<p class="thanks">${w.thanks}</p>` : nothing}</div>
      ${state === 'thanks'
        ? nothing
        : html`<h2 id="q">${w.question}</h2>
            <div class="answers" role="group" aria-labelledby="q">
              ${answers.map(
                (a) => html`<button class=${a} data-answer=${a} ?disabled=${state === 'sending'} @click=${() => void this._feedback.answer(visit.token, a)}>
                  ${face(a)}<span>${w[a]}</span>
                </button>`,
              )}
            </div>
            ${state === 'failed' ? html`<p class="failed" role="alert">${w.failed}</p>` : nothing}`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-feedback': PhoneFeedback;
  }
}
