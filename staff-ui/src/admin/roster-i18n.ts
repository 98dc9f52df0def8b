/** The words of the people tab's roster editor (issue 12 §1), in the staff languages. */
export interface RosterMessages {
  heading: string;
  hint: string;
  inHub: string;
  everyDay: string;
  /** Monday first, ISO order. */
  days: readonly [string, string, string, string, string, string, string];
  daysLong: readonly [string, string, string, string, string, string, string];
  save: string;
  saved: string;
}

export const rosterMessages: Record<'fi' | 'sv' | 'en', RosterMessages> = {
  fi: {
    heading: 'Palvelutorit ja päivät',
    hint: 'Henkilö työskentelee valituilla palvelutoreilla valittuina päivinä. Vähintään yksi palvelutori.',
    inHub: 'Työskentelee täällä',
    everyDay: 'joka päivä',
    days: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
    daysLong: ['maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai', 'sunnuntai'],
    save: 'Tallenna palvelutorit ja päivät',
    saved: 'Palvelutorit ja päivät tallennettu',
  },
  sv: {
    heading: 'Servicepunkter och dagar',
    hint: 'Personen arbetar på de valda servicepunkterna de valda dagarna. Minst en servicepunkt.',
    inHub: 'Arbetar här',
    everyDay: 'varje dag',
    days: ['må', 'ti', 'on', 'to', 'fr', 'lö', 'sö'],
    daysLong: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    save: 'Spara servicepunkter och dagar',
    saved: 'Servicepunkter och dagar sparade',
  },
  en: {
    heading: 'Hubs and days',
    hint: 'The person works in the chosen hubs on the chosen days. At least one hub.',
    inHub: 'Works here',
    everyDay: 'every day',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    daysLong: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    save: 'Save hubs and days',
    saved: 'Hubs and days saved',
  },
};
