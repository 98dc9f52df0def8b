import type { VisitorLanguage } from '../schemas/common.js';

/**
 * The phone page's nudge: its opt-in and the notifications it sends. The notifications reuse the
 * ticket's words (`ticketWords`: people ahead, go to desk) so a nudge says what the page says.
 */
export interface PushWords {
  /** The opt-in button: "tell me when my turn is near". */
  turnOn: string;
  turnOff: string;
  /** Shown while nudges are on for this phone. */
  on: string;
  notSupported: string;
  denied: string;
  failed: string;
  /** Notification: nobody is ahead any more. */
  youAreNext: string;
  /** Notification after a referral: the visit goes on to this service with the same number. */
  referredTo: (service: string) => string;
}

export const pushWords: Record<VisitorLanguage, PushWords> = {
  fi: {
    turnOn: 'Ilmoita kun vuoroni lähestyy',
    turnOff: 'Lopeta ilmoitukset',
    on: 'Ilmoitukset ovat päällä: saat viestin, kun vuorosi lähestyy ja kun sinut kutsutaan.',
    notSupported: 'Tämä selain ei voi näyttää ilmoituksia. Seuraa vuoroasi tältä sivulta.',
    denied: 'Ilmoitukset on estetty selaimen asetuksista.',
    failed: 'Ilmoitusten käyttöönotto ei onnistunut. Yritä uudelleen.',
    youAreNext: 'Olet seuraavana vuorossa.',
    referredTo: (s) => `Sinut on ohjattu eteenpäin: ${s}. Vuoronumerosi pysyy samana.`,
  },
  sv: {
    turnOn: 'Meddela mig när min tur närmar sig',
    turnOff: 'Stäng av meddelanden',
    on: 'Meddelanden är på: du får ett meddelande när din tur närmar sig och när du ropas upp.',
    notSupported: 'Den här webbläsaren kan inte visa meddelanden. Följ din tur på den här sidan.',
    denied: 'Meddelanden är blockerade i webbläsarens inställningar.',
    failed: 'Det gick inte att slå på meddelanden. Försök igen.',
    youAreNext: 'Du står näst i tur.',
    referredTo: (s) => `Du har hänvisats vidare: ${s}. Ditt könummer är detsamma.`,
  },
  en: {
    turnOn: 'Tell me when my turn is near',
    turnOff: 'Turn notifications off',
    on: 'Notifications are on: you get a message when your turn is near and when you are called.',
    notSupported: 'This browser cannot show notifications. Follow your turn on this page.',
    denied: 'Notifications are blocked in the browser settings.',
    failed: 'Notifications could not be turned on. Please try again.',
    youAreNext: 'You are next.',
    referredTo: (s) => `You have been referred on: ${s}. Your queue number stays the same.`,
  },
  ru: {
    turnOn: 'Сообщить, когда подойдёт моя очередь',
    turnOff: 'Отключить уведомления',
    on: 'Уведомления включены: вы получите сообщение, когда подойдёт очередь и когда вас вызовут.',
    notSupported: 'Этот браузер не может показывать уведомления. Следите за очередью на этой странице.',
    denied: 'Уведомления заблокированы в настройках браузера.',
    failed: 'Не удалось включить уведомления. Попробуйте ещё раз.',
    youAreNext: 'Вы следующий.',
    referredTo: (s) => `Вас направили дальше: ${s}. Ваш номер остаётся прежним.`,
  },
  uk: {
    turnOn: 'Повідомити, коли наближатиметься моя черга',
    turnOff: 'Вимкнути сповіщення',
    on: 'Сповіщення увімкнено: ви отримаєте повідомлення, коли черга наближатиметься і коли вас викличуть.',
    notSupported: 'Цей браузер не може показувати сповіщення. Стежте за чергою на цій сторінці.',
    denied: 'Сповіщення заблоковано в налаштуваннях браузера.',
    failed: 'Не вдалося увімкнути сповіщення. Спробуйте ще раз.',
    youAreNext: 'Ви наступні.',
    referredTo: (s) => `Вас направлено далі: ${s}. Ваш номер залишається тим самим.`,
  },
  et: {
    turnOn: 'Teata, kui minu järjekord läheneb',
    turnOff: 'Lülita teavitused välja',
    on: 'Teavitused on sees: saad sõnumi, kui su järjekord läheneb ja kui sind kutsutakse.',
    notSupported: 'See brauser ei saa teavitusi näidata. Jälgi oma järjekorda sellel lehel.',
    denied: 'Teavitused on brauseri seadetes blokeeritud.',
    failed: 'Teavituste sisselülitamine ebaõnnestus. Proovi uuesti.',
    youAreNext: 'Sina oled järgmine.',
    referredTo: (s) => `Sind suunati edasi: ${s}. Sinu järjekorranumber jääb samaks.`,
  },
  ar: {
    turnOn: 'أبلغني عندما يقترب دوري',
    turnOff: 'إيقاف الإشعارات',
    on: 'الإشعارات مفعّلة: ستصلك رسالة عندما يقترب دورك وعندما يتم استدعاؤك.',
    notSupported: 'هذا المتصفح لا يستطيع عرض الإشعارات. تابع دورك في هذه الصفحة.',
    denied: 'الإشعارات محظورة في إعدادات المتصفح.',
    failed: 'تعذّر تفعيل الإشعارات. حاول مرة أخرى.',
    youAreNext: 'أنت التالي.',
    referredTo: (s) => `تم تحويلك إلى: ${s}. رقم دورك يبقى كما هو.`,
  },
  so: {
    turnOn: 'I soo sheeg marka ay kaalintaydu soo dhowaato',
    turnOff: 'Dami ogeysiisyada',
    on: 'Ogeysiisyadu way shidan yihiin: fariin ayaad heleysaa marka kaalintaadu soo dhowaato iyo marka lagu yeero.',
    notSupported: 'Browser-kan ma muujin karo ogeysiisyo. Kaalintaada kala soco boggan.',
    denied: 'Ogeysiisyada waa laga xannibay dejinta browser-ka.',
    failed: 'Ogeysiisyada lama shidi karin. Mar kale isku day.',
    youAreNext: 'Adiga ayaa xiga.',
    referredTo: (s) => `Waxaa laguu gudbiyay: ${s}. Lambarkaagu waa isku mid.`,
  },
  fa: {
    turnOn: 'وقتی نوبتم نزدیک شد به من خبر بده',
    turnOff: 'خاموش کردن اعلان‌ها',
    on: 'اعلان‌ها روشن است: وقتی نوبتتان نزدیک شود و وقتی شما را صدا بزنند پیام می‌گیرید.',
    notSupported: 'این مرورگر نمی‌تواند اعلان نشان دهد. نوبت خود را در این صفحه دنبال کنید.',
    denied: 'اعلان‌ها در تنظیمات مرورگر مسدود شده‌اند.',
    failed: 'روشن کردن اعلان‌ها ممکن نشد. دوباره تلاش کنید.',
    youAreNext: 'نفر بعدی شما هستید.',
    referredTo: (s) => `شما ارجاع داده شدید به: ${s}. شماره نوبت شما همان می‌ماند.`,
  },
  'fi-x-easy': {
    turnOn: 'Kerro, kun vuoroni on pian',
    turnOff: 'Lopeta viestit',
    on: 'Saat viestin, kun vuorosi on pian. Saat viestin myös, kun sinut kutsutaan.',
    notSupported: 'Tämä selain ei voi näyttää viestejä. Katso vuorosi tältä sivulta.',
    denied: 'Viestit on estetty selaimen asetuksista.',
    failed: 'Viestit eivät menneet päälle. Yritä uudelleen.',
    youAreNext: 'Sinun vuorosi on seuraavana.',
    referredTo: (s) => `Mene seuraavaksi: ${s}. Vuoronumerosi on sama.`,
  },
};
