import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** All interactive elements in on-screen order, through every shadow root. */
function focusables(root: ParentNode): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (el.matches('button:not([disabled]), [tabindex="0"]')) out.push(el);
    if (el.shadowRoot) out.push(...focusables(el.shadowRoot));
  }
  return out;
}

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Arrow keys move between controls, for tactile keypads that have no Tab key. Listens on the
 * window, as a keypad's first press comes before anything has focus. Left and right follow the
 * reading direction of the language on screen.
 */
export class KeypadController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly rtl: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this._onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this._onKey);
  }

  private _onKey = (e: KeyboardEvent) => {
    const forward = e.key === 'ArrowDown' || e.key === 'ArrowRight';
    const backward = e.key === 'ArrowUp' || e.key === 'ArrowLeft';
    if (!forward && !backward) return;
    const all = focusables(this.host.renderRoot);
    if (all.length === 0) return;
    const i = all.indexOf(deepActive() as HTMLElement);
    const flip = this.rtl() && (e.key === 'ArrowLeft' || e.key === 'ArrowRight');
    const step = (forward ? 1 : -1) * (flip ? -1 : 1);
    all[(i + step + all.length) % all.length]?.focus();
    e.preventDefault();
  };
}
