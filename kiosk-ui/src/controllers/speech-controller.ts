import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { speak } from '../speech.js';

interface Spoken {
  /** Accessible mode is on: the kiosk reads aloud. */
  on: boolean;
  lang: string;
  /** Changes when a new screen or step is shown, which is then read from its `.info` or heading. */
  view: string;
}

/**
 * Accessible mode reads each new screen's text aloud, and the label of each button as it takes
 * focus (a keypad user hears where they are).
 */
export class SpeechController implements ReactiveController {
  private _lastView = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly state: () => Spoken,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this._onFocus);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this._onFocus);
  }

  hostUpdated(): void {
    const { on, lang, view } = this.state();
    const key = `${view}|${lang}`;
    if (!on) {
      this._lastView = '';
      return;
    }
    if (key === this._lastView) return;
    this._lastView = key;
    const screen = this.host.renderRoot.querySelector('main')?.firstElementChild;
    // the screen's own content renders after the host's: read it once that is done
    void ((screen as { updateComplete?: Promise<unknown> } | null)?.updateComplete ?? Promise.resolve()).then(() => {
      const info = (screen?.shadowRoot ?? this.host.renderRoot).querySelector('.info, h1');
      if (info instanceof HTMLElement) speak(info.innerText, lang);
    });
  }

  private _onFocus = (e: FocusEvent) => {
    const { on, lang } = this.state();
    if (!on) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && target.matches('button')) speak(target.innerText, lang);
  };
}
