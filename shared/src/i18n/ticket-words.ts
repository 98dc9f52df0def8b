import type { VisitorLanguage } from '../schemas/common.js';

/** The words a visitor reads on the ticket, the kiosk's ticket screen and the phone page. */
export interface TicketWords {
  queueNumber: string;
  peopleAhead: string;
  estimatedWait: string;
  minutes: (n: number) => string;
  followOnPhone: string;
  waitToBeCalled: string;
  /** Phone page, when called: "Go to desk 4". */
  goToDesk: (desk: string) => string;
  beingServed: string;
  visitOver: string;
  connectionLost: string;
  /** What the lobby display says aloud: "Number K 23, desk 4". */
  callPhrase: (number: string, desk: string) => string;
  /** Phone page, for a number of an earlier day: its link ends with the day. */
  numberExpired: string;
  /** A checked-in appointment's time (HH:MM on the hub's clock), on the ticket and the kiosk's ticket screen. */
  appointmentAt: (time: string) => string;
  /** On the ticket of an appointment checked in past the late limit: it joined the line as a walk-in. */
  lateJoined: string;
}

/** "K023" is spoken "K 23": the letter, then the number without its leading zeros. */
export function spokenNumber(number: string): string {
  const m = number.match(/^([A-Z]+)0*(\d+)$/);
  return m ? `${m[1]} ${m[2]}` : number;
}

export const ticketWords: Record<VisitorLanguage, TicketWords> = {
  fi: {
    queueNumber: 'Vuoronumero',
    peopleAhead: 'Edelläsi jonossa',
    estimatedWait: 'Arvioitu odotusaika',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Seuraa vuoroasi puhelimella',
    waitToBeCalled: 'Odota, kunnes numerosi kutsutaan näytöllä.',
    goToDesk: (d) => `Mene palvelupisteeseen ${d}`,
    beingServed: 'Sinua palvellaan nyt.',
    visitOver: 'Käyntisi on päättynyt. Kiitos!',
    connectionLost: 'Yhteys katkesi – tiedot päivittyvät, kun yhteys palaa.',
    callPhrase: (n, d) => `Vuoronumero ${n}, palvelupiste ${d}`,
    numberExpired: 'Tämä vuoronumero on päättynyt.',
    appointmentAt: (t) => `Varattu aikasi: klo ${t}`,
    lateJoined: 'Myöhässä: jonossa ilmoittautumisajan mukaan',
  },
  sv: {
    queueNumber: 'Könummer',
    peopleAhead: 'Före dig i kön',
    estimatedWait: 'Beräknad väntetid',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Följ din tur i telefonen',
    waitToBeCalled: 'Vänta tills ditt nummer ropas upp på skärmen.',
    goToDesk: (d) => `Gå till servicepunkt ${d}`,
    beingServed: 'Du betjänas nu.',
    visitOver: 'Ditt besök är avslutat. Tack!',
    connectionLost: 'Anslutningen bröts – uppgifterna uppdateras när den är tillbaka.',
    callPhrase: (n, d) => `Könummer ${n}, servicepunkt ${d}`,
    numberExpired: 'Det här könumret har upphört att gälla.',
    appointmentAt: (t) => `Din bokade tid: kl. ${t}`,
    lateJoined: 'Försenad: i kön från incheckningstiden',
  },
  en: {
    queueNumber: 'Queue number',
    peopleAhead: 'People ahead of you',
    estimatedWait: 'Estimated wait',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Follow your turn on your phone',
    waitToBeCalled: 'Please wait until your number is called on the screen.',
    goToDesk: (d) => `Please go to desk ${d}`,
    beingServed: 'You are being served now.',
    visitOver: 'Your visit is over. Thank you!',
    connectionLost: 'Connection lost – this page updates when it is back.',
    callPhrase: (n, d) => `Number ${n}, desk ${d}`,
    numberExpired: 'This queue number has expired.',
    appointmentAt: (t) => `Your appointment: ${t}`,
    lateJoined: 'Late: joined the line at check-in time',
  },
  ru: {
    queueNumber: 'Номер очереди',
    peopleAhead: 'Перед вами в очереди',
    estimatedWait: 'Примерное ожидание',
    minutes: (n) => `${n} мин`,
    followOnPhone: 'Следите за очередью в телефоне',
    waitToBeCalled: 'Подождите, пока ваш номер не появится на экране.',
    goToDesk: (d) => `Пройдите к окну ${d}`,
    beingServed: 'Вас сейчас обслуживают.',
    visitOver: 'Ваш визит завершён. Спасибо!',
    connectionLost: 'Связь прервалась – страница обновится, когда она восстановится.',
    callPhrase: (n, d) => `Номер ${n}, окно ${d}`,
    numberExpired: 'Срок действия этого номера очереди истёк.',
    appointmentAt: (t) => `Ваша запись: ${t}`,
    lateJoined: 'Опоздание: в очереди со времени регистрации',
  },
  uk: {
    queueNumber: 'Номер черги',
    peopleAhead: 'Перед вами в черзі',
    estimatedWait: 'Орієнтовне очікування',
    minutes: (n) => `${n} хв`,
    followOnPhone: 'Стежте за чергою в телефоні',
    waitToBeCalled: 'Зачекайте, доки ваш номер не з’явиться на екрані.',
    goToDesk: (d) => `Пройдіть до віконця ${d}`,
    beingServed: 'Вас зараз обслуговують.',
    visitOver: 'Ваш візит завершено. Дякуємо!',
    connectionLost: 'Зв’язок перервався – сторінка оновиться, коли він відновиться.',
    callPhrase: (n, d) => `Номер ${n}, віконце ${d}`,
    numberExpired: 'Термін дії цього номера черги закінчився.',
    appointmentAt: (t) => `Ваш запис: ${t}`,
    lateJoined: 'Запізнення: у черзі з часу реєстрації',
  },
  et: {
    queueNumber: 'Järjekorranumber',
    peopleAhead: 'Sinu ees järjekorras',
    estimatedWait: 'Hinnanguline ooteaeg',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Jälgi oma järjekorda telefonis',
    waitToBeCalled: 'Palun oota, kuni sinu number ekraanil kuvatakse.',
    goToDesk: (d) => `Mine teeninduskohta ${d}`,
    beingServed: 'Sind teenindatakse praegu.',
    visitOver: 'Sinu külastus on lõppenud. Aitäh!',
    connectionLost: 'Ühendus katkes – leht uueneb, kui ühendus taastub.',
    callPhrase: (n, d) => `Number ${n}, teeninduskoht ${d}`,
    numberExpired: 'See järjekorranumber on aegunud.',
    appointmentAt: (t) => `Sinu aeg: kell ${t}`,
    lateJoined: 'Hilinenud: järjekorras registreerimise ajast',
  },
  ar: {
    queueNumber: 'رقم الدور',
    peopleAhead: 'عدد الأشخاص قبلك',
    estimatedWait: 'وقت الانتظار المتوقع',
    minutes: (n) => `${n} دقيقة`,
    followOnPhone: 'تابع دورك على هاتفك',
    waitToBeCalled: 'يرجى الانتظار حتى يظهر رقمك على الشاشة.',
    goToDesk: (d) => `يرجى التوجه إلى المكتب ${d}`,
    beingServed: 'تتم خدمتك الآن.',
    visitOver: 'انتهت زيارتك. شكرًا لك!',
    connectionLost: 'انقطع الاتصال – ستتحدث الصفحة عند عودته.',
    callPhrase: (n, d) => `الرقم ${n}، المكتب ${d}`,
    numberExpired: 'انتهت صلاحية رقم الدور هذا.',
    appointmentAt: (t) => `موعدك: الساعة ${t}`,
    lateJoined: 'متأخر: في الطابور منذ وقت تسجيل الوصول',
  },
  so: {
    queueNumber: 'Lambarka safka',
    peopleAhead: 'Dadka kaa horreeya',
    estimatedWait: 'Waqtiga sugitaanka la filayo',
    minutes: (n) => `${n} daqiiqo`,
    followOnPhone: 'Kala soco safkaaga taleefankaaga',
    waitToBeCalled: 'Fadlan sug ilaa lambarkaaga shaashadda lagu muujiyo.',
    goToDesk: (d) => `Fadlan u tag miiska ${d}`,
    beingServed: 'Hadda ayaa lagu adeegayaa.',
    visitOver: 'Booqashadaadu way dhammaatay. Mahadsanid!',
    connectionLost: 'Xiriirku wuu go’ay – boggu wuu cusboonaan doonaa marka uu soo laabto.',
    callPhrase: (n, d) => `Lambarka ${n}, miiska ${d}`,
    numberExpired: 'Lambarkan safka wuu dhacay.',
    appointmentAt: (t) => `Ballantaada: saacadda ${t}`,
    lateJoined: 'Daahay: safka waxaad gashay markaad is-diiwaangelisay',
  },
  fa: {
    queueNumber: 'شماره نوبت',
    peopleAhead: 'افراد جلوتر از شما',
    estimatedWait: 'زمان انتظار تقریبی',
    minutes: (n) => `${n} دقیقه`,
    followOnPhone: 'نوبت خود را در تلفن دنبال کنید',
    waitToBeCalled: 'لطفاً صبر کنید تا شماره شما روی صفحه نمایش داده شود.',
    goToDesk: (d) => `لطفاً به باجه ${d} بروید`,
    beingServed: 'اکنون به شما خدمت داده می‌شود.',
    visitOver: 'مراجعه شما به پایان رسید. سپاس!',
    connectionLost: 'اتصال قطع شد – صفحه پس از برقراری دوباره به‌روز می‌شود.',
    callPhrase: (n, d) => `شماره ${n}، باجه ${d}`,
    numberExpired: 'این شماره نوبت منقضی شده است.',
    appointmentAt: (t) => `نوبت شما: ساعت ${t}`,
    lateJoined: 'دیر رسیدید: از زمان ثبت ورود در صف هستید',
  },
  'fi-x-easy': {
    queueNumber: 'Sinun numerosi',
    peopleAhead: 'Ennen sinua on',
    estimatedWait: 'Odotat noin',
    minutes: (n) => `${n} minuuttia`,
    followOnPhone: 'Voit katsoa vuoroasi puhelimesta',
    waitToBeCalled: 'Odota. Näytössä näkyy numerosi, kun on sinun vuorosi.',
    goToDesk: (d) => `Mene paikkaan ${d}`,
    beingServed: 'Nyt on sinun vuorosi.',
    visitOver: 'Asiasi on hoidettu. Kiitos!',
    connectionLost: 'Yhteys ei toimi. Sivu päivittyy, kun yhteys toimii.',
    callPhrase: (n, d) => `Numero ${n}, paikka ${d}`,
    numberExpired: 'Tämä numero ei ole enää voimassa.',
    appointmentAt: (t) => `Sinun aikasi on kello ${t}`,
    lateJoined: 'Tulit myöhässä. Olet jonossa siitä, kun tulit.',
  },
};
