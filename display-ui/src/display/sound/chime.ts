/** Two soft tones, high then low: the lobby's "ding-dong" before each call. */
const tones = [
  { hz: 659.25, at: 0, length: 0.7 },
  { hz: 523.25, at: 0.45, length: 1.0 },
];
export const chimeMs = 1300;

/**
 * The chime, on one AudioContext for the page's life (browsers limit how many may exist).
 * Browsers keep audio blocked until someone touches the page, unless the display's browser
 * is started to allow it (Chromium: --autoplay-policy=no-user-gesture-required).
 */
export class Chime {
  private _ctx: AudioContext | null = null;
  /** A chime could not sound, or the audio stayed off after start-up: worth a mark on screen. */
  private _refused = false;
  private _settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onStateChange: () => void) {}

  private _unlock = (): void => void this._ctx?.resume().catch(() => {});

  /** True when the browser keeps the sound off until someone touches the screen. */
  get blocked(): boolean {
    return this._refused && this._ctx?.state === 'suspended';
  }

  /**
   * The context, if it is running now. A suspended one is asked to resume and the refusal
   * noted: sounds scheduled on it would all play at once when it wakes.
   */
  private _running(): AudioContext | null {
    const ctx = this._context();
    if (!ctx) return null;
    if (ctx.state === 'running') return ctx;
    void ctx.resume().catch(() => {});
    this._refused = true;
    return null;
  }

  /** Plays the tones now; says whether they could be heard (false: no audio, or blocked). */
  play(): boolean {
    const ctx = this._running();
    if (!ctx) return false;
    const start = ctx.currentTime + 0.03;
    for (const tone of tones) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = tone.hz;
      const t = start + tone.at;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + tone.length);
      osc.connect(gain).connect(ctx.destination);
      osc.onended = () => {
        osc.disconnect();
        gain.disconnect();
      };
      osc.start(t);
      osc.stop(t + tone.length + 0.05);
    }
    return true;
  }

  /**
   * Plays audio the server rendered (a WAV file) and resolves when it has ended: true if it
   * played, false if it could not (no audio, sound blocked, undecodable).
   */
  async playFile(data: ArrayBuffer, timeout: (ms: number) => Promise<void>): Promise<boolean> {
    const ctx = this._running();
    if (!ctx) return false;
    let buffer: AudioBuffer;
    try {
      buffer = await ctx.decodeAudioData(data);
    } catch {
      return false;
    }
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    const ended = new Promise<boolean>((resolve) => {
      source.onended = () => resolve(true);
    });
    source.start();
    // `ended` should come; never let a lost event hold the queue
    const played = await Promise.race([ended, timeout(buffer.duration * 1000 + 2000).then(() => true)]);
    source.disconnect();
    return played;
  }

  /** A touch or a key anywhere lets the sound on (for browsers not started to allow it). */
  listen(): void {
    this._context();
    document.addEventListener('pointerdown', this._unlock);
    document.addEventListener('keydown', this._unlock);
    // a new context is "suspended" for a moment even where sound is allowed: judge a bit later
    this._settleTimer = setTimeout(() => {
      this._refused = this._ctx?.state === 'suspended';
      this.onStateChange();
    }, 2000);
  }

  close(): void {
    clearTimeout(this._settleTimer);
    document.removeEventListener('pointerdown', this._unlock);
    document.removeEventListener('keydown', this._unlock);
    void this._ctx?.close().catch(() => {});
    this._ctx = null;
  }

  private _context(): AudioContext | null {
    if (!this._ctx && typeof AudioContext !== 'undefined') {
      try {
        this._ctx = new AudioContext();
        this._ctx.onstatechange = () => this.onStateChange();
      } catch {
        return null;
      }
    }
    return this._ctx;
  }
}
