import type { NextVisit, OpeningHours, VisitorLanguage } from '@luukku/shared';

/** The words of an absent agency's tile and dialog (issue 12 §1). */
export interface PresenceMessages {
  /** The Intl locale and options that write the next day ("ti 8.12."). */
  locale: string;
  day: Intl.DateTimeFormatOptions;
  hours: (spans: readonly OpeningHours[]) => string;
  nextHere: (agency: string, day: string, hours: string) => string;
  /** No opening day in the weeks the kiosk looks ahead. */
  notSoon: (agency: string) => string;
  notToday: string;
  insteadTitle: string;
  call: string;
  online: string;
  qrLabel: (address: string) => string;
  scanHint: string;
  guidanceTicket: string;
  guidanceHint: string;
  close: string;
}

const trim = (t: string, sep: string) => {
  const [h, m] = t.split(':') as [string, string];
  return m === '00' ? String(Number(h)) : `${Number(h)}${sep}${m}`;
};
/** "9–12", "9.30–12": as Finnish and Swedish signs write opening hours. */
const signHours = (spans: readonly OpeningHours[]) => spans.map((s) => `${trim(s.from, '.')}–${trim(s.to, '.')}`).join(', ');
/** "09:00–12:00": a 24-hour clock that reads the same in every language. */
const clockHours = (spans: readonly OpeningHours[]) => spans.map((s) => `${s.from}–${s.to}`).join(', ');
const numericDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'numeric' };

const fi: PresenceMessages = {
  locale: 'fi', day: numericDay, hours: signHours,
  nextHere: (a, d, h) => `${a} on täällä seuraavan kerran ${d} klo ${h}`,
  notSoon: (a) => `${a} ei ole täällä lähiviikkoina.`,
  notToday: 'Ei paikalla tänään',
  insteadTitle: 'Voit asioida myös näin',
  call: 'Soita',
  online: 'Asioi verkossa',
  qrLabel: (a) => `QR-koodi osoitteeseen ${a}`,
  scanHint: 'Skannaa koodi puhelimellasi.',
  guidanceTicket: 'Ota vuoronumero Neuvontaan',
  guidanceHint: 'Neuvonnan työntekijä auttaa sinua tänään.',
  close: 'Sulje',
};

const fiEasy: PresenceMessages = {
  ...fi,
  nextHere: (a, d, h) => `${a} on täällä taas ${d} kello ${h}`,
  notSoon: (a) => `${a} ei ole täällä pian.`,
  notToday: 'Ei ole täällä tänään',
  insteadTitle: 'Voit hoitaa asian myös näin',
  call: 'Soita numeroon',
  online: 'Hoida asia netissä',
  qrLabel: (a) => `QR-koodi: ${a}`,
  scanHint: 'Kuvaa koodi puhelimella.',
  guidanceTicket: 'Ota numero Neuvontaan',
  guidanceHint: 'Neuvonta auttaa sinua tänään.',
};

const sv: PresenceMessages = {
  locale: 'sv-FI', day: numericDay, hours: signHours,
  nextHere: (a, d, h) => `${a} är här nästa gång ${d} kl. ${h}`,
  notSoon: (a) => `${a} är inte här de närmaste veckorna.`,
  notToday: 'Inte här i dag',
  insteadTitle: 'Du kan också göra så här',
  call: 'Ring',
  online: 'Sköt ärendet på nätet',
  qrLabel: (a) => `QR-kod till ${a}`,
  scanHint: 'Skanna koden med din telefon.',
  guidanceTicket: 'Ta ett könummer till Rådgivningen',
  guidanceHint: 'Rådgivningen hjälper dig i dag.',
  close: 'Stäng',
};

const en: PresenceMessages = {
  locale: 'en-GB', day: { weekday: 'short', day: 'numeric', month: 'short' }, hours: clockHours,
  nextHere: (a, d, h) => `${a} is next here on ${d}, ${h}`,
  notSoon: (a) => `${a} is not here in the coming weeks.`,
  notToday: 'Not here today',
  insteadTitle: 'What you can do instead',
  call: 'Call',
  online: 'Online',
  qrLabel: (a) => `QR code for ${a}`,
  scanHint: 'Scan the code with your phone.',
  guidanceTicket: 'Take a number for Guidance',
  guidanceHint: 'Guidance staff can help you today.',
  close: 'Close',
};

const ar: PresenceMessages = {
  // Latin digits, as on the ticket numbers and the rest of the Arabic kiosk
  locale: 'ar-u-nu-latn', day: { weekday: 'long', day: 'numeric', month: 'numeric' }, hours: clockHours,
  nextHere: (a, d, h) => `الحضور القادم لـ ${a} هنا: ${d}، الساعة ${h}`,
  notSoon: (a) => `${a} غير موجود هنا في الأسابيع القادمة.`,
  notToday: 'غير موجود هنا اليوم',
  insteadTitle: 'ما يمكنك فعله بدلًا من ذلك',
  call: 'اتصل على الرقم',
  online: 'عبر الإنترنت',
  qrLabel: (a) => `رمز QR للعنوان ${a}`,
  scanHint: 'امسح الرمز بهاتفك.',
  guidanceTicket: 'خذ رقمًا لمكتب الإرشاد',
  guidanceHint: 'يمكن لموظفي الإرشاد مساعدتك اليوم.',
  close: 'إغلاق',
};

const ru: PresenceMessages = {
  locale: 'ru', day: numericDay, hours: clockHours,
  nextHere: (a, d, h) => `${a} будет здесь в следующий раз: ${d}, ${h}`,
  notSoon: (a) => `${a} не будет здесь в ближайшие недели.`,
  notToday: 'Сегодня здесь нет',
  insteadTitle: 'Что можно сделать сейчас',
  call: 'Позвоните',
  online: 'Онлайн',
  qrLabel: (a) => `QR-код для ${a}`,
  scanHint: 'Отсканируйте код телефоном.',
  guidanceTicket: 'Взять номер в Справочную',
  guidanceHint: 'Сотрудник Справочной поможет вам сегодня.',
  close: 'Закрыть',
};

const uk: PresenceMessages = {
  locale: 'uk', day: numericDay, hours: clockHours,
  nextHere: (a, d, h) => `${a} буде тут наступного разу: ${d}, ${h}`,
  notSoon: (a) => `${a} не буде тут найближчими тижнями.`,
  notToday: 'Сьогодні тут немає',
  insteadTitle: 'Що можна зробити зараз',
  call: 'Зателефонуйте',
  online: 'Онлайн',
  qrLabel: (a) => `QR-код для ${a}`,
  scanHint: 'Відскануйте код телефоном.',
  guidanceTicket: 'Взяти номер до Довідкової',
  guidanceHint: 'Працівник Довідкової допоможе вам сьогодні.',
  close: 'Закрити',
};

const et: PresenceMessages = {
  locale: 'et', day: numericDay, hours: signHours,
  nextHere: (a, d, h) => `${a} on siin järgmine kord ${d} kell ${h}`,
  notSoon: (a) => `${a} ei ole lähinädalatel siin.`,
  notToday: 'Täna pole siin',
  insteadTitle: 'Mida saate praegu teha',
  call: 'Helistage',
  online: 'Veebis',
  qrLabel: (a) => `QR-kood aadressile ${a}`,
  scanHint: 'Skannige kood telefoniga.',
  guidanceTicket: 'Võtke järjekorranumber Nõustamisse',
  guidanceHint: 'Nõustamise töötaja aitab teid täna.',
  close: 'Sulge',
};

/**
 * Somali and Persian have no presence texts yet: those kiosks show these in English (marked
 * lang="en", so a screen reader reads them as English) until a translator adds them here.
 */
const catalogues: Partial<Record<VisitorLanguage, PresenceMessages>> = { fi, 'fi-x-easy': fiEasy, sv, en, ar, ru, uk, et };

/** The presence words in the visitor's language, or in English; `lang` says which. */
export function presenceMessages(lang: VisitorLanguage): { m: PresenceMessages; lang: VisitorLanguage } {
  const m = catalogues[lang];
  return m ? { m, lang } : { m: en, lang: 'en' };
}

/** "Kela on täällä seuraavan kerran ti 8.12. klo 9–12", or that it is not coming soon. */
export function nextHereText(m: PresenceMessages, agency: string, next: NextVisit | null): string {
  if (!next) return m.notSoon(agency);
  const [y, mo, d] = next.date.split('-').map(Number) as [number, number, number];
  // noon UTC of the local date, formatted in UTC: the same calendar day in any browser zone
  const day = new Intl.DateTimeFormat(m.locale, { ...m.day, timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d, 12)));
  return m.nextHere(agency, day, m.hours(next.hours));
}
