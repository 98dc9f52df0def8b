import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The ticket screen's countdown back to the start: one tick a second, redraws its host, and
 * calls `onEnd` at zero. Stops when the host leaves the page.
 */
export class CountdownController implements ReactiveController {
  secondsLeft = 0;
  private _timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onEnd: () => void,
  ) {
    host.addController(this);
  }

  start(seconds: number): void {
    this.stop();
    this.secondsLeft = seconds;
    this._timer = setInterval(() => {
      this.secondsLeft -= 1;
      this.host.requestUpdate();
      if (this.secondsLeft <= 0) {
        this.stop();
        this.onEnd();
      }
    }, 1000);
    this.host.requestUpdate();
  }

  add(seconds: number): void {
    this.secondsLeft += seconds;
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this._timer);
    this._timer = undefined;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }
}
