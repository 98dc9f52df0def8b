import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecentCall, SpeechVia } from '@luukku/shared';
import { Timers } from '../data/timers.js';
import { Chime, chimeMs } from './chime.js';
import { phrasesFor } from './phrases.js';
import { speak, stopSpeaking } from './speech.js';

/** One call as it was said in the lobby (`phrases`: what was to be said, voice or not). */
export interface Announcement {
  readonly number: string;
  readonly deskName: string;
  readonly recall: boolean;
  readonly phrases: readonly string[];
  /** How each phrase was said: the browser's voice, the server's audio, or not at all. */
  readonly via: readonly SpeechVia[];
  /** When the announcement finished (display clock). */
  readonly at: string;
  /** When the call was made (server clock). */
  readonly calledAt: string;
}

/** The log keeps the last this many: enough to check, bounded for weeks of running. */
export const logSize = 50;
/** Far beyond any real burst; only the oldest unsaid calls would give way. */
const maxPending = 40;
const betweenPhrasesMs = 350;
const afterAnnouncementMs = 600;

export interface AnnouncerOptions {
  /** The phrase as audio from the server, for a language the browser has no working voice for. */
  audio?: (text: string, lang: string) => Promise<ArrayBuffer | null>;
  /** A phrase could be said neither way: worth telling the admin view. */
  onSilent?: (lang: string) => void;
  /** All calls said; the queue is empty. */
  onDone?: () => void;
}

/**
 * The lobby's voice: one call at a time — chime, the visitor's language, then Finnish — in the
 * order the calls came, none dropped, none said twice (a recall is a new call and is said
 * again). While a call is being said, `current` is it, and the screen shows it large.
 */
export class Announcer implements ReactiveController {
  current: RecentCall | null = null;
  private _queue: RecentCall[] = [];
  private _log: readonly Announcement[] = [];
  private _running = false;
  private _connected = false;
  private _speechBlocked = false;
  private readonly _timers = new Timers();
  private readonly _chime = new Chime(() => this.host.requestUpdate());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AnnouncerOptions = {},
  ) {
    host.addController(this);
  }

  /** What has been announced, oldest first, at most `logSize`. */
  get log(): readonly Announcement[] {
    return this._log;
  }

  /** Calls still to be said, the one being said included. */
  get pending(): number {
    return this._queue.length + (this.current ? 1 : 0);
  }

  /** The browser keeps sound off until someone touches the screen. */
  get soundBlocked(): boolean {
    return this._chime.blocked || this._speechBlocked;
  }

  enqueue(call: RecentCall): void {
    const unsaid = this._queue.findIndex((c) => c.number === call.number);
    // not said yet: say it once, with its newest desk, in its first place in line
    if (unsaid >= 0) this._queue[unsaid] = call;
    else this._queue.push(call);
    if (this._queue.length > maxPending) this._queue.shift();
    void this._run();
  }

  hostConnected(): void {
    this._connected = true;
    this._chime.listen();
    void this._run();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._timers.clear();
    stopSpeaking();
    this._chime.close();
  }

  private async _run(): Promise<void> {
    if (this._running || !this._connected) return;
    this._running = true;
    try {
      while (this._connected && this._queue.length > 0) {
        const call = this._queue.shift()!;
        this.current = call;
        this.host.requestUpdate();
        const phrases = phrasesFor(call);
        const via = await this._say(phrases);
        if (!this._connected) {
          // cut off mid-way: say it in full when connected again
          this._queue.unshift(call);
          break;
        }
        const entry: Announcement = Object.freeze({
          number: call.number,
          deskName: call.deskName,
          recall: call.recall,
          phrases: Object.freeze(phrases.map((p) => p.text)),
          via: Object.freeze(via),
          at: new Date().toISOString(),
          calledAt: call.at,
        });
        this._log = Object.freeze([...this._log.slice(-(logSize - 1)), entry]);
      }
    } finally {
      this.current = null;
      this._running = false;
      this.host.requestUpdate();
      if (this._connected) this.options.onDone?.();
    }
  }

  private async _say(phrases: readonly { text: string; lang: string }[]): Promise<SpeechVia[]> {
    const sleep = (ms: number) => this._timers.sleep(ms);
    const via: SpeechVia[] = [];
    this._chime.play();
    await sleep(chimeMs);
    for (const phrase of phrases) {
      if (!this._connected) return via;
      const outcome = await speak(phrase.text, phrase.lang, sleep);
      if (this._speechBlocked !== (outcome === 'blocked') && outcome !== 'no-voice') {
        this._speechBlocked = outcome === 'blocked';
        this.host.requestUpdate();
      }
      if (outcome === 'spoken') {
        via.push('browser');
      } else if ((outcome === 'no-voice' || outcome === 'failed') && (await this._playFromServer(phrase))) {
        // a call is never silent: no voice in this browser, or one that is listed but never
        // finishes (speech-dispatcher without a sound device does that), so the server's audio
        via.push('server');
      } else {
        via.push('none');
        if (outcome !== 'blocked') this.options.onSilent?.(phrase.lang);
      }
      if (via.at(-1) !== 'none') await sleep(betweenPhrasesMs);
    }
    await sleep(afterAnnouncementMs);
    return via;
  }

  private async _playFromServer(phrase: { text: string; lang: string }): Promise<boolean> {
    const audio = await this.options.audio?.(phrase.text, phrase.lang);
    if (!audio || !this._connected) return false;
    return this._chime.playFile(audio, (ms) => this._timers.sleep(ms));
  }
}
