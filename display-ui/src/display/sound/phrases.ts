import { spokenNumber, ticketWords } from '@luukku/shared/i18n';
import type { VisitorLanguage } from '@luukku/shared';

export interface Phrase {
  text: string;
  lang: VisitorLanguage;
}

/**
 * What is said for a call: in the visitor's language, then in Finnish, the hub's language,
 * for everyone else in the lobby (once only when the visitor's language is Finnish).
 */
export function phrasesFor(call: { number: string; deskName: string; language: VisitorLanguage }): Phrase[] {
  const number = spokenNumber(call.number);
  const own = ticketWords[call.language] ?? ticketWords.fi;
  const phrases: Phrase[] = [{ text: own.callPhrase(number, call.deskName), lang: call.language }];
  if (call.language !== 'fi' && call.language !== 'fi-x-easy') {
    phrases.push({ text: ticketWords.fi.callPhrase(number, call.deskName), lang: 'fi' });
  }
  return phrases;
}
