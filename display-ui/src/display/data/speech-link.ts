import { createApi } from '@luukku/shared/http';
import type { SpeechReport } from '@luukku/shared';

/**
 * The display's speech errands to the server: a phrase as audio when the browser has no voice
 * for it, and the report of what this display can say (shown in the admin pages).
 */
export class SpeechLink {
  private readonly _api;
  private _lastReport = '';

  constructor(private readonly token: string) {
    this._api = createApi({ token });
  }

  /** The phrase as WAV audio rendered by the server, or null when it cannot give one. */
  async audio(text: string, lang: string): Promise<ArrayBuffer | null> {
    try {
      const res = await fetch(`/api/display/audio?${new URLSearchParams({ lang, text })}`, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(10_000),
      });
      return res.ok ? await res.arrayBuffer() : null;
    } catch {
      return null;
    }
  }

  /** Sends the report when it differs from the last one sent. */
  async report(report: SpeechReport): Promise<void> {
    const body = JSON.stringify(report);
    if (body === this._lastReport) return;
    try {
      await this._api.request('POST', '/api/display/speech', report);
      this._lastReport = body;
    } catch {
      // sent again with the next change, or the next start
    }
  }
}
