import { ticketWords } from '@luukku/shared/i18n';

/** One text in the hub's languages: Finnish on screen, Swedish and English as subtitles. */
export interface Trilingual {
  fi: string;
  sv: string;
  en: string;
}

const t = (fi: string, sv: string, en: string): Trilingual => ({ fi, sv, en });

/** The display's own words; the shared ones (queue number, desk) come from the design's table. */
export const words = {
  nowServing: t('Nyt vuorossa', 'Nu i tur', 'Now serving'),
  queueNumber: t(ticketWords.fi.queueNumber, ticketWords.sv.queueNumber, ticketWords.en.queueNumber),
  desk: t('Palvelupiste', 'Servicepunkt', 'Desk'),
  recentCalls: t('Viimeksi kutsutut', 'Senast uppropade', 'Recently called'),
  noCallsYet: t('Ei vielä kutsuja', 'Inga upprop ännu', 'No calls yet'),
  queues: t('Jonotilanne', 'Kösituation', 'Waiting now'),
  waiting: t('jonossa', 'i kön', 'waiting'),
  estimate: t('odotus', 'väntetid', 'wait'),
  noQueue: t('ei jonoa', 'ingen kö', 'no queue'),
  calledAgain: t('Kutsutaan uudelleen', 'Ropas upp igen', 'Called again'),
  idle: t('Odota, kunnes numerosi kutsutaan.', 'Vänta tills ditt nummer ropas upp.', 'Please wait until your number is called.'),
  offline: t('Ei yhteyttä', 'Ingen anslutning', 'Offline'),
  soundBlocked: t('Ääni estetty – napauta näyttöä', 'Ljudet blockerat – tryck på skärmen', 'Sound blocked – tap the screen'),
  notSetUp: t('Näyttöä ei ole otettu käyttöön', 'Skärmen har inte tagits i bruk', 'This display is not set up'),
  notSetUpHelp: t(
    'Pääkäyttäjä: luo näyttölaite hallinnassa ja avaa tällä näytöllä osoite, jossa on sen tunnus (ja tarvittaessa vyöhyke):',
    'Huvudanvändare: skapa en skärmenhet i administrationen och öppna adressen med dess kod (och vid behov zon) på den här skärmen:',
    'Administrator: create a display device in the admin pages and open the address with its token (and zone, if needed) on this screen:',
  ),
  rejected: t('Laitetunnusta ei hyväksytty', 'Enhetskoden godkändes inte', 'The device token was not accepted'),
  rejectedHelp: t(
    'Tunnus on väärä tai laite on poistettu käytöstä. Yritetään uudelleen automaattisesti.',
    'Koden är fel eller enheten har tagits ur bruk. Försöker igen automatiskt.',
    'The token is wrong or the device was revoked. Trying again automatically.',
  ),
  atHubToday: t('Palvelutorilla tänään', 'På servicetorget i dag', 'At the hub today'),
  hoursToday: t('Aukioloajat tänään', 'Öppettider i dag', 'Opening hours today'),
  closedToday: t('Suljettu tänään', 'Stängt i dag', 'Closed today'),
  allDay: t('koko päivän', 'hela dagen', 'all day'),
  hereToday: t('Paikalla tänään', 'På plats i dag', 'Here today'),
  popupsToday: t('Pop-up tänään', 'Pop-up i dag', 'Pop-up today'),
  followByPhone: t('Seuraa vuoroasi puhelimella', 'Följ din tur i telefonen', 'Follow your turn on your phone'),
  followByPhoneHelp: t(
    'Skannaa vuorolipun QR-koodi: näet, montako on edelläsi, ja milloin sinut kutsutaan.',
    'Skanna QR-koden på kölappen: du ser hur många som är före dig och när du ropas upp.',
    'Scan the QR code on your ticket: see how many are ahead of you, and when you are called.',
  ),
} satisfies Record<string, Trilingual>;
