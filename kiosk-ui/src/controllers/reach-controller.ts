import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reachBand } from '../layout/reach.js';

/**
 * Gives the host the top of the modelled reach band (layout/reach.ts) as `--reach-top`, and
 * keeps it current when the screen turns or resizes, so accessible mode's layout and the model
 * are one number.
 */
export class ReachController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('resize', this._apply);
    this._apply();
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this._apply);
  }

  // the CSSOM, not a style attribute: the Content-Security-Policy allows it
  private _apply = () => this.host.style.setProperty('--reach-top', `${reachBand(innerWidth, innerHeight).top}px`);
}
