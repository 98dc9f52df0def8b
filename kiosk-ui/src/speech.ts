import { languageInfo } from '@luukku/shared/i18n';

/**
 * Reads text aloud with the browser's speech synthesis, in the chosen language where the
 * browser has a voice for it; says nothing rather than mispronounce in another language.
 */
export function speak(text: string, lang: string): void {
  const synth = globalThis.speechSynthesis;
  if (!synth || !text) return;
  const tag = languageInfo(lang).tag;
  const primary = tag.split('-')[0]!;
  const voice = synth.getVoices().find((v) => v.lang === tag) ?? synth.getVoices().find((v) => v.lang.startsWith(primary));
  if (!voice) return;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = 0.9;
  synth.speak(u);
}

export function stopSpeaking(): void {
  globalThis.speechSynthesis?.cancel();
}
