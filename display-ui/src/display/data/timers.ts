/**
 * The timeouts of one controller, so that disconnecting clears them all at once. A cleared
 * `sleep` resolves early instead of hanging, so a loop awaiting it can notice it should stop.
 */
export class Timers {
  private readonly _pending = new Map<ReturnType<typeof setTimeout>, () => void>();

  after(ms: number, fn: () => void): void {
    const id = setTimeout(() => {
      this._pending.delete(id);
      fn();
    }, ms);
    this._pending.set(id, () => {});
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const id = setTimeout(() => {
        this._pending.delete(id);
        resolve();
      }, ms);
      this._pending.set(id, resolve);
    });
  }

  clear(): void {
    for (const [id, wake] of this._pending) {
      clearTimeout(id);
      wake();
    }
    this._pending.clear();
  }
}
