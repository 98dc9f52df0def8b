import { fallbackLanguage, languageInfo, pickText, pushWords, ticketWords } from '@luukku/shared/i18n';
import type { VisitorLanguage } from '@luukku/shared';

/** What a nudge says, before it is put in a language. */
export type Nudge =
  | { kind: 'ahead'; number: string; ahead: number }
  | { kind: 'called'; number: string; desk: string }
  | { kind: 'referred'; number: string; service: Record<string, string | undefined> };

/** The notification as the service worker shows it. */
export interface NudgeMessage {
  title: string;
  body: string;
  /** BCP 47 tag and direction of the text. */
  lang: string;
  dir: 'ltr' | 'rtl';
  kind: Nudge['kind'];
}

/** A nudge in the subscriber's language, in the phone page's words; else the hub's first language. */
export function nudgeMessage(nudge: Nudge, language: string, hubLanguages: readonly string[]): NudgeMessage {
  const lang = (Object.hasOwn(ticketWords, language) ? language : fallbackLanguage(hubLanguages)) as VisitorLanguage;
  const t = ticketWords[lang] ?? ticketWords.fi;
  const p = pushWords[lang] ?? pushWords.fi;
  const body =
    nudge.kind === 'ahead'
      ? nudge.ahead === 0
        ? p.youAreNext
        : `${t.peopleAhead}: ${nudge.ahead}`
      : nudge.kind === 'called'
        ? t.goToDesk(nudge.desk)
        : p.referredTo(pickText(nudge.service, lang, fallbackLanguage(hubLanguages)));
  const info = languageInfo(lang);
  return { title: `${t.queueNumber} ${nudge.number}`, body, lang: info.tag, dir: info.dir, kind: nudge.kind };
}
