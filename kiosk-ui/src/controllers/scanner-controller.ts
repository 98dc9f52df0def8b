import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A scanner types a whole code within a few hundred ms; a person's key presses are further apart. */
const gapMs = 120;

/**
 * Reads a barcode scanner that types like a keyboard: characters arriving close together and
 * ending in Enter are one scan. A scan's Enter is swallowed, so it does not press the focused
 * button; a person's Enter (after a pause, or with nothing typed) passes through. `minLength`:
 * the shortest text that counts as a scan (the feedback tablet reads a ticket's address, the
 * kiosk a 6-character check-in code).
 */
export class ScannerController implements ReactiveController {
  private _buffer = '';
  private _last = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly onScan: (text: string) => void,
    private readonly minLength = 16,
  ) {
    host.addController(this);
  }

  private readonly _onKey = (e: KeyboardEvent) => {
    const now = performance.now();
    if (now - this._last > gapMs) this._buffer = '';
    this._last = now;
    if (e.key === 'Enter') {
      const text = this._buffer;
      this._buffer = '';
      if (text.length >= this.minLength) {
        e.preventDefault();
        e.stopPropagation();
        this.onScan(text);
      }
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      this._buffer += e.key;
    }
  };

  hostConnected(): void {
    window.addEventListener('keydown', this._onKey, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this._onKey, true);
  }
}
