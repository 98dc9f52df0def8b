import { languages } from '@luukku/shared/i18n';
import type { SpeechReport } from '@luukku/shared';
import { voiceFor } from './speech.js';

/**
 * What this display can say, per visitor language: with the browser's own voice, with audio
 * from the server (which renders the languages it lists), or not at all.
 */
export function voiceReport(serverVoices: readonly string[]): SpeechReport['voices'] {
  return languages.map((l) => ({ lang: l.code, via: voiceFor(l.code) ? 'browser' : serverVoices.includes(l.code) ? 'server' : 'none' }));
}
