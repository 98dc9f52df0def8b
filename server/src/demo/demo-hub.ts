import type { LocalizedText, Schedule } from '@luukku/shared';

/**
 * The demo hub, modelled on Mäntsälä's town hall. The regular services are open round the
 * clock so the demo works whenever someone tries it; the health counselling pop-up keeps a
 * real pop-up schedule (Tuesdays only) to show how pop-up days behave.
 */
const always: Schedule = {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])),
  dates: [],
  closed: [],
};
const tuesdays: Schedule = { weekly: { tue: [{ from: '00:00', to: '24:00' }] }, dates: [], closed: [] };

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });

export const demoHub = {
  slug: 'mantsala',
  name: t('Mäntsälän palvelutori', 'Mäntsälä servicetorg', 'Mäntsälä service hub'),
  timeZone: 'Europe/Helsinki',
  languages: ['fi', 'sv', 'en'],
  referralPolicy: 'keep' as const,
  targetWaitMin: 15,
};

export const demoAgencies = [
  { code: 'neuvonta', name: t('Neuvonta', 'Rådgivning', 'Guidance'), color: '#4b5563', isGuidance: true },
  { code: 'kela', name: t('Kela', 'FPA', 'Kela'), color: '#0b6e8a', isGuidance: false },
  { code: 'kunta', name: t('Mäntsälän kunta', 'Mäntsälä kommun', 'Municipality of Mäntsälä'), color: '#1d4ed8', isGuidance: false },
  { code: 'asunnot', name: t('Mäntsälän Vuokra-asunnot', 'Mäntsälä Hyresbostäder', 'Mäntsälä Rental Housing'), color: '#b45309', isGuidance: false },
  { code: 'ohjaamo', name: t('Ohjaamo', 'Ohjaamo', 'Ohjaamo youth centre'), color: '#7c3aed', isGuidance: false },
  { code: 'tyo', name: t('Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services'), color: '#047857', isGuidance: false },
  { code: 'poliisi', name: t('Poliisi', 'Polisen', 'Police'), color: '#1e3a8a', isGuidance: false },
];

export const demoServices = [
  { code: 'neuvonta', agency: 'neuvonta', prefix: 'A', isGuidance: true, schedule: always, minutes: 5,
    name: t('Neuvonta', 'Rådgivning', 'Guidance'), label: t('Neuvonta', 'Rådgivning', 'Guidance') },
  { code: 'kela', agency: 'kela', prefix: 'K', isGuidance: false, schedule: always, minutes: 12,
    name: t('Kela: etuudet ja asumistuki', 'FPA: förmåner och bostadsbidrag', 'Kela: benefits and housing allowance'),
    label: t('Kela', 'FPA', 'Kela') },
  { code: 'kunta', agency: 'kunta', prefix: 'M', isGuidance: false, schedule: always, minutes: 8,
    name: t('Kunnan asiointipiste', 'Kommunens servicepunkt', 'Municipal service point'),
    label: t('Kunnan asiointipiste', 'Kommunens servicepunkt', 'Municipal service point') },
  { code: 'asunnot', agency: 'asunnot', prefix: 'V', isGuidance: false, schedule: always, minutes: 10,
    name: t('Vuokra-asunnot', 'Hyresbostäder', 'Rental housing'), label: t('Vuokra-asunnot', 'Hyresbostäder', 'Rental housing') },
  { code: 'ohjaamo', agency: 'ohjaamo', prefix: 'O', isGuidance: false, schedule: always, minutes: 15,
    name: t('Ohjaamo: alle 30-vuotiaat', 'Ohjaamo: under 30 år', 'Ohjaamo: under 30s'), label: t('Ohjaamo', 'Ohjaamo', 'Ohjaamo') },
  { code: 'tyo', agency: 'tyo', prefix: 'T', isGuidance: false, schedule: always, minutes: 12,
    name: t('Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services'),
    label: t('Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services') },
  { code: 'poliisi', agency: 'poliisi', prefix: 'P', isGuidance: false, schedule: always, minutes: 10,
    name: t('Poliisi: passit ja henkilökortit', 'Polisen: pass och id-kort', 'Police: passports and ID cards'),
    label: t('Poliisi', 'Polisen', 'Police') },
  // the public label stays neutral: nobody in the lobby needs to know who sees the nurse
  { code: 'terveys', agency: 'kunta', prefix: 'H', isGuidance: false, schedule: tuesdays, minutes: 15,
    name: t('Terveys- ja liikuntaneuvonta (tiistaisin)', 'Hälso- och motionsrådgivning (tisdagar)', 'Health and exercise counselling (Tuesdays)'),
    label: t('Hyvinvointineuvonta', 'Välmåenderådgivning', 'Wellbeing counselling') },
  // by appointment only: the kiosk shows how to book instead of giving a number
  { code: 'kela-aika', agency: 'kela', prefix: 'B', isGuidance: false, schedule: always, minutes: 30,
    name: t('Ajanvarausasiakkaat (Kela)', 'Kunder med tidsbokning (FPA)', 'Appointments (Kela)'),
    // the tile adds the agency's name (Kela) below: the label does not start with it, as the walk-in tile's does
    label: t('Ajanvaraus', 'Tidsbokning', 'Appointments'),
    appointmentOnly: true,
    bookingInfo: t(
      'Varaa aika verkossa: kela.fi/ajanvaraus. Ajanvarauksella palvelemme myös puhelimessa.',
      'Boka tid på nätet: fpa.fi/tidsbokning. Med tidsbokning betjänar vi också per telefon.',
      'Book online: kela.fi/ajanvaraus. With an appointment we can also serve you by phone.',
    ) },
];

/** Desk 1 is the accessible one (a low counter, room for a wheelchair); each desk says what is spoken there. */
export const demoDesks = [
  { name: '1', zone: 'a', accessible: true, languages: ['fi', 'sv', 'en', 'ar'] },
  { name: '2', zone: 'a', accessible: false, languages: ['fi', 'sv', 'en'] },
  { name: '3', zone: 'a', accessible: false, languages: ['fi', 'en', 'ru'] },
  { name: '4', zone: 'b', accessible: false, languages: ['fi', 'en'] },
  { name: '5', zone: 'b', accessible: false, languages: ['fi', 'en', 'et'] },
  { name: '6', zone: 'b', accessible: false, languages: ['fi', 'sv', 'en'] },
];

export const demoPassword = 'demo';

export const demoUsers = [
  { username: 'kela', displayName: 'Kela (demo)', role: 'staff' as const, agencies: ['kela'] },
  { username: 'kunta', displayName: 'Kunta (demo)', role: 'staff' as const, agencies: ['kunta'] },
  { username: 'asunnot', displayName: 'Vuokra-asunnot (demo)', role: 'staff' as const, agencies: ['asunnot'] },
  { username: 'ohjaamo', displayName: 'Ohjaamo (demo)', role: 'staff' as const, agencies: ['ohjaamo'] },
  { username: 'tyo', displayName: 'Työllisyyspalvelut (demo)', role: 'staff' as const, agencies: ['tyo'] },
  { username: 'poliisi', displayName: 'Poliisi (demo)', role: 'staff' as const, agencies: ['poliisi'] },
  { username: 'neuvonta', displayName: 'Neuvonta (demo)', role: 'guide' as const, agencies: ['neuvonta'] },
  { username: 'admin', displayName: 'Pääkäyttäjä (demo)', role: 'admin' as const, agencies: [] },
];

export const demoDevices = [
  // the demo kiosk "prints" to files: ESC/POS bytes and a PNG preview under the data folder
  { token: 'demo-kiosk', kind: 'kiosk' as const, name: 'Aulan kioski', zone: null, printer: { kind: 'file' as const } },
  { token: 'demo-display', kind: 'display' as const, name: 'Aulan näyttö', zone: null, printer: null },
  { token: 'demo-feedback', kind: 'feedback' as const, name: 'Palautetabletti ulko-ovella', zone: null, printer: null },
];

export const demoQuestions = [
  { icon: 'briefcase', suggests: ['tyo', 'kela'], label: t('Menetin työni', 'Jag har förlorat mitt jobb', 'I lost my job') },
  { icon: 'home', suggests: ['asunnot', 'kela'], label: t('Muutto tai asuminen', 'Flytt eller boende', 'Moving or housing') },
  { icon: 'coins', suggests: ['kela'], label: t('Raha ja etuudet', 'Pengar och förmåner', 'Money and benefits') },
  { icon: 'compass', suggests: ['ohjaamo'],
    label: t('Alle 30 v. ja etsin opiskelu- tai työpaikkaa', 'Under 30 och söker studier eller arbete', 'Under 30 and looking for study or work') },
  { icon: 'id-card', suggests: ['poliisi'], label: t('Henkilökortti tai passi', 'Id-kort eller pass', 'ID card or passport') },
  { icon: 'question', suggests: [], label: t('Jotain muuta', 'Något annat', 'Something else') },
];

/**
 * What the kiosk offers on a day an agency is not here (issue 12 §1): the agencies' real public
 * phone services and online addresses. The demo's agencies are here every day, so this shows
 * once an admin gives one a pop-up schedule.
 */
export const demoPresence = [
  { agency: 'kela', phone: '020 692 202', onlineUrl: 'https://www.kela.fi/asiointi', guidance: true,
    text: t('Voit hoitaa Kelan asiat myös verkossa tai puhelimessa.', 'Du kan också sköta dina FPA-ärenden på nätet eller per telefon.', 'You can also deal with Kela online or by phone.') },
  { agency: 'poliisi', phone: null, onlineUrl: 'https://poliisi.fi/asiointi', guidance: true,
    text: t('Passin ja henkilökortin voit hakea verkossa.', 'Pass och id-kort kan du ansöka om på nätet.', 'You can apply for a passport or ID card online.') },
  { agency: 'tyo', phone: null, onlineUrl: 'https://tyomarkkinatori.fi', guidance: true, text: null },
  { agency: 'ohjaamo', phone: null, onlineUrl: 'https://ohjaamot.fi', guidance: true, text: null },
  { agency: 'kunta', phone: null, onlineUrl: 'https://www.mantsala.fi', guidance: true, text: null },
  { agency: 'asunnot', phone: null, onlineUrl: null, guidance: true, text: null },
];

/**
 * The second demo hub (issue 12 §1): a pop-up point in Pornainen, open Tuesdays and Thursdays,
 * where Kela and employment services come from Mäntsälä. The same agency codes and ticket
 * letters as Mäntsälä's: numbers and lines are kept apart by hub, not by letter.
 */
const tueThu: Schedule = {
  weekly: { tue: [{ from: '09:00', to: '16:00' }], thu: [{ from: '09:00', to: '16:00' }] },
  dates: [],
  closed: [],
};

export const demoPopUp = {
  hub: {
    slug: 'pornainen',
    name: t('Pornaisten palvelupiste', 'Pornainen servicepunkt', 'Pornainen service point'),
    timeZone: 'Europe/Helsinki',
    languages: ['fi', 'sv', 'en'],
    referralPolicy: 'keep' as const,
    targetWaitMin: 15,
  },
  agencies: demoAgencies.filter((a) => ['neuvonta', 'kela', 'tyo'].includes(a.code)),
  services: [
    { code: 'neuvonta', agency: 'neuvonta', prefix: 'A', isGuidance: true, schedule: tueThu, minutes: 5,
      name: t('Neuvonta', 'Rådgivning', 'Guidance'), label: t('Neuvonta', 'Rådgivning', 'Guidance') },
    { code: 'kela', agency: 'kela', prefix: 'K', isGuidance: false, schedule: tueThu, minutes: 12,
      name: t('Kela: etuudet ja asumistuki', 'FPA: förmåner och bostadsbidrag', 'Kela: benefits and housing allowance'),
      label: t('Kela', 'FPA', 'Kela') },
    { code: 'tyo', agency: 'tyo', prefix: 'T', isGuidance: false, schedule: tueThu, minutes: 12,
      name: t('Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services'),
      label: t('Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services') },
  ],
  desks: [
    { name: '1', zone: 'a', accessible: true, languages: ['fi', 'sv', 'en'] },
    { name: '2', zone: 'a', accessible: false, languages: ['fi', 'en'] },
  ],
  devices: [
    { token: 'demo-kiosk-pornainen', kind: 'kiosk' as const, name: 'Pornaisten kioski', zone: null, printer: { kind: 'file' as const } },
    { token: 'demo-display-pornainen', kind: 'display' as const, name: 'Pornaisten näyttö', zone: null, printer: null },
  ],
  questions: [
    { icon: 'briefcase', suggests: ['tyo', 'kela'], label: t('Menetin työni', 'Jag har förlorat mitt jobb', 'I lost my job') },
    { icon: 'coins', suggests: ['kela'], label: t('Raha ja etuudet', 'Pengar och förmåner', 'Money and benefits') },
    { icon: 'question', suggests: [], label: t('Jotain muuta', 'Något annat', 'Something else') },
  ],
  /** Its own hub admin: manages Pornainen only. */
  users: [{ username: 'admin-pornainen', displayName: 'Pornaisten ylläpitäjä (demo)', role: 'admin' as const, agencies: [] as string[] }],
};

/**
 * Logins of more than one hub. The original demo logins stay in Mäntsälä on every day (tests
 * and scripts rely on that); the rotating staff are new logins. Weekdays are ISO (1 = Monday).
 */
export const demoSharedUsers = [
  { username: 'kela-kierto', displayName: 'Kela, kiertävä (demo)', role: 'staff' as const, agencies: ['kela'],
    roster: { mantsala: [1, 3, 5], pornainen: [2, 4] } },
  { username: 'tyo-kierto', displayName: 'Työllisyyspalvelut, kiertävä (demo)', role: 'staff' as const, agencies: ['tyo'],
    roster: { mantsala: [1, 3, 5], pornainen: [2, 4] } },
  // the region admin may enter every hub without a roster; home is Mäntsälä
  { username: 'alue', displayName: 'Alueen ylläpitäjä (demo)', role: 'region_admin' as const, agencies: [] as string[],
    roster: { mantsala: null, pornainen: null } },
] as const;
