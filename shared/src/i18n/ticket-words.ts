import type { VisitorLanguage } from '../schemas/common.js';

/** The words on the printed ticket and on the kiosk's ticket screen, in every kiosk language. */
export interface TicketWords {
  queueNumber: string;
  peopleAhead: string;
  estimatedWait: string;
  minutes: (n: number) => string;
  followOnPhone: string;
  waitToBeCalled: string;
}

export const ticketWords: Record<VisitorLanguage, TicketWords> = {
  fi: {
    queueNumber: 'Vuoronumero',
    peopleAhead: 'Edelläsi jonossa',
    estimatedWait: 'Arvioitu odotusaika',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Seuraa vuoroasi puhelimella',
    waitToBeCalled: 'Odota, kunnes numerosi kutsutaan näytöllä.',
  },
  sv: {
    queueNumber: 'Könummer',
    peopleAhead: 'Före dig i kön',
    estimatedWait: 'Beräknad väntetid',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Följ din tur i telefonen',
    waitToBeCalled: 'Vänta tills ditt nummer ropas upp på skärmen.',
  },
  en: {
    queueNumber: 'Queue number',
    peopleAhead: 'People ahead of you',
    estimatedWait: 'Estimated wait',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Follow your turn on your phone',
    waitToBeCalled: 'Please wait until your number is called on the screen.',
  },
  ru: {
    queueNumber: 'Номер очереди',
    peopleAhead: 'Перед вами в очереди',
    estimatedWait: 'Примерное ожидание',
    minutes: (n) => `${n} мин`,
    followOnPhone: 'Следите за очередью в телефоне',
    waitToBeCalled: 'Подождите, пока ваш номер не появится на экране.',
  },
  uk: {
    queueNumber: 'Номер черги',
    peopleAhead: 'Перед вами в черзі',
    estimatedWait: 'Орієнтовне очікування',
    minutes: (n) => `${n} хв`,
    followOnPhone: 'Стежте за чергою в телефоні',
    waitToBeCalled: 'Зачекайте, доки ваш номер не з’явиться на екрані.',
  },
  et: {
    queueNumber: 'Järjekorranumber',
    peopleAhead: 'Sinu ees järjekorras',
    estimatedWait: 'Hinnanguline ooteaeg',
    minutes: (n) => `${n} min`,
    followOnPhone: 'Jälgi oma järjekorda telefonis',
    waitToBeCalled: 'Palun oota, kuni sinu number ekraanil kuvatakse.',
  },
  ar: {
    queueNumber: 'رقم الدور',
    peopleAhead: 'عدد الأشخاص قبلك',
    estimatedWait: 'وقت الانتظار المتوقع',
    minutes: (n) => `${n} دقيقة`,
    followOnPhone: 'تابع دورك على هاتفك',
    waitToBeCalled: 'يرجى الانتظار حتى يظهر رقمك على الشاشة.',
  },
  so: {
    queueNumber: 'Lambarka safka',
    peopleAhead: 'Dadka kaa horreeya',
    estimatedWait: 'Waqtiga sugitaanka la filayo',
    minutes: (n) => `${n} daqiiqo`,
    followOnPhone: 'Kala soco safkaaga taleefankaaga',
    waitToBeCalled: 'Fadlan sug ilaa lambarkaaga shaashadda lagu muujiyo.',
  },
  fa: {
    queueNumber: 'شماره نوبت',
    peopleAhead: 'افراد جلوتر از شما',
    estimatedWait: 'زمان انتظار تقریبی',
    minutes: (n) => `${n} دقیقه`,
    followOnPhone: 'نوبت خود را در تلفن دنبال کنید',
    waitToBeCalled: 'لطفاً صبر کنید تا شماره شما روی صفحه نمایش داده شود.',
  },
  'fi-x-easy': {
    queueNumber: 'Sinun numerosi',
    peopleAhead: 'Ennen sinua on',
    estimatedWait: 'Odotat noin',
    minutes: (n) => `${n} minuuttia`,
    followOnPhone: 'Voit katsoa vuoroasi puhelimesta',
    waitToBeCalled: 'Odota. Näytössä näkyy numerosi, kun on sinun vuorosi.',
  },
};
