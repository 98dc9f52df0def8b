/**
 * Rendered phrases, newest use last, bounded by their total size: a hub says the same few
 * hundred "number X, desk Y" phrases every day, so most calls are served from memory. A phrase
 * asked for while it is being rendered waits for that one rendering instead of starting another.
 */
export class AudioCache {
  private readonly _entries = new Map<string, Buffer>();
  private readonly _rendering = new Map<string, Promise<Buffer>>();
  private _bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this._bytes;
  }

  /** The audio for `key`, from memory when there; `hit` says which. */
  async get(key: string, render: () => Promise<Buffer>): Promise<{ audio: Buffer; hit: boolean }> {
    const cached = this._entries.get(key);
    if (cached) {
      this._entries.delete(key);
      this._entries.set(key, cached);
      return { audio: cached, hit: true };
    }
    let pending = this._rendering.get(key);
    if (!pending) {
      pending = render().finally(() => this._rendering.delete(key));
      this._rendering.set(key, pending);
      const audio = await pending;
      this._put(key, audio);
      return { audio, hit: false };
    }
    return { audio: await pending, hit: false };
  }

  private _put(key: string, audio: Buffer): void {
    if (audio.length > this.maxBytes) return;
    this._entries.set(key, audio);
    this._bytes += audio.length;
    for (const [k, v] of this._entries) {
      if (this._bytes <= this.maxBytes) break;
      this._entries.delete(k);
      this._bytes -= v.length;
    }
  }
}
