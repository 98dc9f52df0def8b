import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { startPairing, type PairingCode } from '@luukku/shared/pairing';

/**
 * A kiosk without a token shows a pairing code until an admin enters it. Asks for a new code
 * after a pause when one expires or the server cannot be reached; stops when the host leaves.
 */
export class PairingController implements ReactiveController {
  /** The code on screen, or null while one is being fetched. */
  code: string | null = null;
  private _current: PairingCode | null = null;
  private _running = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly onPaired: (token: string) => void,
    private readonly kind: 'kiosk' | 'feedback' = 'kiosk',
  ) {
    host.addController(this);
  }

  async start(): Promise<void> {
    if (this._running) return;
    this._running = true;
    while (this._running && this.host.isConnected) {
      try {
        this._current = await startPairing(this.kind);
        this._show(this._current.code);
        const token = await this._current.paired;
        this._running = false;
        this._show(null);
        this.onPaired(token);
        return;
      } catch {
        // expired or unreachable: try again with a new code after a pause
        this._show(null);
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
    this._running = false;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._running = false;
    this._current?.cancel();
  }

  private _show(code: string | null) {
    this.code = code;
    this.host.requestUpdate();
  }
}
