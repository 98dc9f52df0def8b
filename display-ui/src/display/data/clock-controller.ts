import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The time, updated on each new minute (not every second: nothing on the wall shows seconds). */
export class ClockController implements ReactiveController {
  now = new Date();
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this._tick();
  }

  hostDisconnected(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  private _tick = (): void => {
    this.now = new Date();
    this.host.requestUpdate();
    this._timer = setTimeout(this._tick, 60_000 - (this.now.getTime() % 60_000) + 50);
  };
}
