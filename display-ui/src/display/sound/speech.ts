import { languageInfo } from '@luukku/shared/i18n';

export type SpeechOutcome = 'spoken' | 'no-voice' | 'blocked' | 'failed';

function norm(lang: string): string {
  return lang.replace('_', '-').toLowerCase();
}

/** A voice for the language: the exact tag, else any of the same language; none rather than a wrong one. */
export function voiceFor(lang: string): SpeechSynthesisVoice | null {
  const synth = globalThis.speechSynthesis;
  if (!synth) return null;
  const tag = norm(languageInfo(lang).tag);
  const primary = tag.split('-')[0]!;
  const voices = synth.getVoices();
  return voices.find((v) => norm(v.lang) === tag) ?? voices.find((v) => norm(v.lang).split('-')[0] === primary) ?? null;
}

/**
 * Says one phrase and resolves when it is done — or when it cannot be: no voice, speech not
 * allowed, an error, or no end after a generous time (Chromium sometimes never fires `end`).
 * It never blocks the announcement queue.
 */
export function speak(text: string, lang: string, timeout: (ms: number) => Promise<void>): Promise<SpeechOutcome> {
  const synth = globalThis.speechSynthesis;
  const voice = voiceFor(lang);
  if (!synth || !voice) return Promise.resolve('no-voice');
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: SpeechOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    void timeout(2500 + text.length * 150).then(() => {
      if (settled) return;
      synth.cancel();
      done('failed');
    });
    try {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = 0.9;
      u.onend = () => done('spoken');
      u.onerror = (e) => done(e.error === 'not-allowed' ? 'blocked' : 'failed');
      synth.speak(u);
    } catch {
      done('failed');
    }
  });
}

export function stopSpeaking(): void {
  globalThis.speechSynthesis?.cancel();
}
