import type { VisitorLanguage } from '../schemas/common.js';

/**
 * The one question at the end of a visit, as the phone page and the feedback tablet ask it.
 * fi, sv and en are the hub's own words; the others were written without a native speaker's
 * review, like the kiosk's (README: have them checked before going live).
 */
export interface FeedbackWords {
  question: string;
  yes: string;
  partly: string;
  no: string;
  thanks: string;
  /** Tablet: the ticket's QR code may be shown to the scanner first. */
  scanHint: string;
  /** Tablet: the scanned ticket was read. */
  ticketRead: string;
  /** Tablet: this ticket's visit had already answered. */
  alreadyAnswered: string;
  /** Tablet: the control that opens the languages. */
  language: string;
  /** The answer did not reach the server; the buttons stay. */
  failed: string;
}

export const feedbackWords: Record<VisitorLanguage, FeedbackWords> = {
  fi: {
    question: 'Saitko asiasi hoidettua tänään?',
    yes: 'Kyllä', partly: 'Osittain', no: 'Ei',
    thanks: 'Kiitos vastauksestasi!',
    scanHint: 'Voit ensin näyttää vuoronumerolappusi QR-koodin lukijalle.',
    ticketRead: 'Vuoronumerolappu luettu.',
    alreadyAnswered: 'Tälle käynnille on jo vastattu. Kiitos!',
    language: 'Kieli',
    failed: 'Vastaus ei mennyt perille. Yritä uudelleen.',
  },
  sv: {
    question: 'Fick du ditt ärende ordnat i dag?',
    yes: 'Ja', partly: 'Delvis', no: 'Nej',
    thanks: 'Tack för ditt svar!',
    scanHint: 'Du kan först visa QR-koden på din kölapp för läsaren.',
    ticketRead: 'Kölappen har lästs.',
    alreadyAnswered: 'Det här besöket har redan svarat. Tack!',
    language: 'Språk',
    failed: 'Svaret kom inte fram. Försök igen.',
  },
  en: {
    question: 'Did you get your matter sorted today?',
    yes: 'Yes', partly: 'Partly', no: 'No',
    thanks: 'Thank you for your answer!',
    scanHint: 'You can first show the QR code on your ticket to the reader.',
    ticketRead: 'Ticket read.',
    alreadyAnswered: 'This visit has already answered. Thank you!',
    language: 'Language',
    failed: 'The answer did not get through. Please try again.',
  },
  ru: {
    question: 'Удалось ли вам сегодня решить свой вопрос?',
    yes: 'Да', partly: 'Частично', no: 'Нет',
    thanks: 'Спасибо за ваш ответ!',
    scanHint: 'Сначала можно показать QR-код талона сканеру.',
    ticketRead: 'Талон считан.',
    alreadyAnswered: 'На этот визит уже ответили. Спасибо!',
    language: 'Язык',
    failed: 'Ответ не отправлен. Попробуйте ещё раз.',
  },
  uk: {
    question: 'Чи вдалося вам сьогодні вирішити своє питання?',
    yes: 'Так', partly: 'Частково', no: 'Ні',
    thanks: 'Дякуємо за вашу відповідь!',
    scanHint: 'Спочатку можна показати QR-код талона сканеру.',
    ticketRead: 'Талон зчитано.',
    alreadyAnswered: 'На цей візит уже відповіли. Дякуємо!',
    language: 'Мова',
    failed: 'Відповідь не надіслано. Спробуйте ще раз.',
  },
  et: {
    question: 'Kas said oma asja täna aetud?',
    yes: 'Jah', partly: 'Osaliselt', no: 'Ei',
    thanks: 'Aitäh vastuse eest!',
    scanHint: 'Võid esmalt näidata järjekorrapileti QR-koodi lugejale.',
    ticketRead: 'Pilet loetud.',
    alreadyAnswered: 'Sellele külastusele on juba vastatud. Aitäh!',
    language: 'Keel',
    failed: 'Vastus ei jõudnud kohale. Proovi uuesti.',
  },
  ar: {
    question: 'هل تمكنت من إنجاز معاملتك اليوم؟',
    yes: 'نعم', partly: 'جزئيًا', no: 'لا',
    thanks: 'شكرًا على إجابتك!',
    scanHint: 'يمكنك أولاً عرض رمز QR الموجود على تذكرتك أمام القارئ.',
    ticketRead: 'تمت قراءة التذكرة.',
    alreadyAnswered: 'تمت الإجابة عن هذه الزيارة من قبل. شكرًا!',
    language: 'اللغة',
    failed: 'لم تصل الإجابة. حاول مرة أخرى.',
  },
  so: {
    question: 'Arrintaadii ma laguu xalliyay maanta?',
    yes: 'Haa', partly: 'Qayb ahaan', no: 'Maya',
    thanks: 'Waad ku mahadsan tahay jawaabtaada!',
    scanHint: 'Marka hore waxaad akhristaha tusi kartaa koodhka QR ee tigidhkaaga.',
    ticketRead: 'Tigidhka waa la akhriyay.',
    alreadyAnswered: 'Booqashadan horay ayaa looga jawaabay. Mahadsanid!',
    language: 'Luqadda',
    failed: 'Jawaabtu ma gaarin. Isku day mar kale.',
  },
  fa: {
    question: 'آیا امروز کارتان انجام شد؟',
    yes: 'بله', partly: 'تا حدی', no: 'نه',
    thanks: 'از پاسخ شما سپاسگزاریم!',
    scanHint: 'می‌توانید ابتدا کد QR روی نوبت خود را به دستگاه خواننده نشان دهید.',
    ticketRead: 'نوبت خوانده شد.',
    alreadyAnswered: 'به این مراجعه قبلاً پاسخ داده شده است. سپاس!',
    language: 'زبان',
    failed: 'پاسخ ارسال نشد. دوباره تلاش کنید.',
  },
  'fi-x-easy': {
    question: 'Saitko asiasi hoidettua tänään?',
    yes: 'Kyllä', partly: 'Vähän', no: 'Ei',
    thanks: 'Kiitos!',
    scanHint: 'Voit näyttää vuoronumerolapun QR-koodin lukijalle.',
    ticketRead: 'Lappu on luettu.',
    alreadyAnswered: 'Olet jo vastannut. Kiitos!',
    language: 'Kieli',
    failed: 'Vastaus ei mennyt perille. Kokeile uudelleen.',
  },
};
