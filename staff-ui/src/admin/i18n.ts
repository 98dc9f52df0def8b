export interface AdminMessages {
  title: string;
  tabs: Record<'hub' | 'agencies' | 'services' | 'desks' | 'staff' | 'questions' | 'devices' | 'audit', string>;
  save: string;
  add: string;
  saved: string;
  name: (lang: string) => string;
  publicLabel: (lang: string) => string;
  code: string;
  color: string;
  agency: string;
  prefix: string;
  targetWait: string;
  serviceMinutes: string;
  active: string;
  openNow: string;
  closedNow: string;
  weekly: string;
  weekdays: string[];
  from: string;
  to: string;
  popupDays: string;
  closedDays: string;
  date: string;
  remove: string;
  addDay: string;
  referralPolicy: string;
  placements: Record<'keep' | 'back' | 'front', string>;
  zone: string;
  desk: string;
  username: string;
  displayName: string;
  role: string;
  roles: Record<'staff' | 'guide' | 'admin' | 'region_admin', string>;
  agencies: string;
  language: string;
  password: string;
  resetPassword: string;
  newService: string;
  newAgency: string;
  newDesk: string;
  newUser: string;
  question: string;
  icon: string;
  suggests: string;
  guidanceIfEmpty: string;
  preview: string;
  addQuestion: string;
  pairTitle: string;
  pairHint: string;
  /** Device kinds as the devices page names them. */
  deviceKinds: Record<'kiosk' | 'display' | 'feedback' | 'booking', string>;
  pairCode: string;
  pair: string;
  kind: string;
  printer: string;
  printerKinds: Record<'network' | 'file' | 'browser' | 'none', string>;
  host: string;
  port: string;
  revoke: string;
  revoked: string;
  lastPrint: (ok: boolean, at: string, error: string | null) => string;
  when: string;
  who: string;
  what: string;
  edit: (name: string) => string;
  /** Beside an input whose translation is missing. */
  missing: string;
  missingTranslations: string;
  allTranslated: string;
  kioskLanguages: string;
  kioskLanguagesHint: (fallback: string) => string;
  /** Desk attributes and appointment-only services (issue 11 §1). */
  deskAccessible: string;
  deskLanguages: string;
  booking: string;
  appointmentOnly: string;
  appointmentOnlyHint: string;
  bookingInfo: (lang: string) => string;
}

const weekdaysFi = ['Maanantai', 'Tiistai', 'Keskiviikko', 'Torstai', 'Perjantai', 'Lauantai', 'Sunnuntai'];

export const adminMessages: Record<'fi' | 'sv' | 'en', AdminMessages> = {
  fi: {
    title: 'Ylläpito',
    tabs: { hub: 'Palvelutori', agencies: 'Toimijat', services: 'Palvelut', desks: 'Palvelupisteet', staff: 'Henkilökunta', questions: 'Kioskin kysymykset', devices: 'Laitteet', audit: 'Muutosloki' },
    save: 'Tallenna',
    add: 'Lisää',
    saved: 'Tallennettu.',
    name: (l) => `Nimi (${l})`,
    publicLabel: (l) => `Julkinen nimi (${l})`,
    code: 'Tunnus',
    color: 'Väri',
    agency: 'Toimija',
    prefix: 'Kirjain',
    targetWait: 'Tavoiteodotus (min)',
    serviceMinutes: 'Tyypillinen palveluaika (min)',
    active: 'Käytössä',
    openNow: 'auki nyt',
    closedNow: 'kiinni nyt',
    weekly: 'Viikoittaiset aukioloajat',
    weekdays: weekdaysFi,
    from: 'Alkaa',
    to: 'Päättyy',
    popupDays: 'Pop-up-päivät ja lisäpäivät',
    closedDays: 'Poikkeukset: suljettu',
    date: 'Päivä',
    remove: 'Poista',
    addDay: 'Lisää päivä',
    referralPolicy: 'Ohjatun asiakkaan paikka jonossa',
    placements: { keep: 'Säilyttää alkuperäisen saapumisajan', back: 'Jonon loppuun', front: 'Jonon kärkeen' },
    zone: 'Näyttöalue',
    desk: 'Palvelupiste',
    username: 'Käyttäjätunnus',
    displayName: 'Nimi',
    role: 'Rooli',
    roles: { staff: 'Virkailija', guide: 'Neuvoja', admin: 'Ylläpitäjä', region_admin: 'Alueen ylläpitäjä' },
    agencies: 'Toimijat',
    language: 'Kieli',
    password: 'Salasana',
    resetPassword: 'Vaihda salasana',
    newService: 'Uusi palvelu',
    newAgency: 'Uusi toimija',
    newDesk: 'Uusi palvelupiste',
    newUser: 'Uusi käyttäjä',
    question: 'Kysymys',
    icon: 'Kuva',
    suggests: 'Ehdottaa palveluja',
    guidanceIfEmpty: 'Jos mitään ei valita, asiakas ohjataan neuvontaan.',
    preview: 'Esikatselu',
    addQuestion: 'Lisää kysymys',
    pairTitle: 'Ota laite käyttöön',
    pairHint: 'Avaa kioski, näyttö tai palautetabletti (/feedback), niin se näyttää kuuden merkin koodin. Kirjoita koodi tähän.',
    deviceKinds: { kiosk: 'kioski', display: 'näyttö', feedback: 'palautetabletti', booking: 'ajanvarausjärjestelmä' },
    pairCode: 'Koodi',
    pair: 'Ota käyttöön',
    kind: 'Laji',
    printer: 'Tulostin',
    printerKinds: { network: 'Verkkotulostin (ESC/POS)', file: 'Tiedostoon (demo)', browser: 'Selaimen tulostus', none: 'Ei tulostinta' },
    host: 'Osoite',
    port: 'Portti',
    revoke: 'Poista käytöstä',
    revoked: 'poistettu käytöstä',
    lastPrint: (ok, at, e) => (ok ? `Viimeisin tulostus onnistui ${at}` : `Tulostus epäonnistui ${at}: ${e ?? ''}`),
    when: 'Milloin',
    who: 'Kuka',
    what: 'Mitä',
    edit: (n) => `Muokkaa: ${n}`,
    missing: 'puuttuu',
    missingTranslations: 'Puuttuvat käännökset',
    allTranslated: 'kaikki käännetty',
    kioskLanguages: 'Kioskin kielet',
    kioskLanguagesHint: (f) => `Palvelujen nimet kysytään näillä kielillä. Puuttuva käännös näytetään kielellä ${f}.`,
    deskAccessible: 'Esteetön palvelupiste',
    deskLanguages: 'Kielet, joilla palvelupisteessä palvellaan',
    booking: 'Ajanvaraus',
    appointmentOnly: 'Vain ajanvarauksella',
    appointmentOnlyHint: 'Kioski ei anna tähän vuoronumeroa, vaan kertoo, miten aika varataan.',
    bookingInfo: (l) => `Ajanvarausohje (${l})`,
  },
  sv: {
    title: 'Administration',
    tabs: { hub: 'Servicetorget', agencies: 'Aktörer', services: 'Tjänster', desks: 'Servicepunkter', staff: 'Personal', questions: 'Kioskens frågor', devices: 'Enheter', audit: 'Ändringslogg' },
    save: 'Spara',
    add: 'Lägg till',
    saved: 'Sparat.',
    name: (l) => `Namn (${l})`,
    publicLabel: (l) => `Offentligt namn (${l})`,
    code: 'Kod',
    color: 'Färg',
    agency: 'Aktör',
    prefix: 'Bokstav',
    targetWait: 'Målväntetid (min)',
    serviceMinutes: 'Typisk betjäningstid (min)',
    active: 'I bruk',
    openNow: 'öppen nu',
    closedNow: 'stängd nu',
    weekly: 'Öppettider per vecka',
    weekdays: ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'],
    from: 'Från',
    to: 'Till',
    popupDays: 'Pop up-dagar och extra dagar',
    closedDays: 'Undantag: stängt',
    date: 'Dag',
    remove: 'Ta bort',
    addDay: 'Lägg till dag',
    referralPolicy: 'Hänvisad kunds plats i kön',
    placements: { keep: 'Behåller sin ankomsttid', back: 'Sist i kön', front: 'Först i kön' },
    zone: 'Skärmområde',
    desk: 'Servicepunkt',
    username: 'Användarnamn',
    displayName: 'Namn',
    role: 'Roll',
    roles: { staff: 'Handläggare', guide: 'Rådgivare', admin: 'Administratör', region_admin: 'Regionadministratör' },
    agencies: 'Aktörer',
    language: 'Språk',
    password: 'Lösenord',
    resetPassword: 'Byt lösenord',
    newService: 'Ny tjänst',
    newAgency: 'Ny aktör',
    newDesk: 'Ny servicepunkt',
    newUser: 'Ny användare',
    question: 'Fråga',
    icon: 'Bild',
    suggests: 'Föreslår tjänster',
    guidanceIfEmpty: 'Om inget väljs hänvisas kunden till rådgivningen.',
    preview: 'Förhandsvisning',
    addQuestion: 'Lägg till fråga',
    pairTitle: 'Ta en enhet i bruk',
    pairHint: 'Öppna kiosken, skärmen eller responsplattan (/feedback), så visar den en kod med sex tecken. Skriv koden här.',
    deviceKinds: { kiosk: 'kiosk', display: 'skärm', feedback: 'responsplatta', booking: 'bokningssystem' },
    pairCode: 'Kod',
    pair: 'Ta i bruk',
    kind: 'Typ',
    printer: 'Skrivare',
    printerKinds: { network: 'Nätverksskrivare (ESC/POS)', file: 'Till fil (demo)', browser: 'Webbläsarens utskrift', none: 'Ingen skrivare' },
    host: 'Adress',
    port: 'Port',
    revoke: 'Ta ur bruk',
    revoked: 'urbruktagen',
    lastPrint: (ok, at, e) => (ok ? `Senaste utskrift lyckades ${at}` : `Utskriften misslyckades ${at}: ${e ?? ''}`),
    when: 'När',
    who: 'Vem',
    what: 'Vad',
    edit: (n) => `Redigera: ${n}`,
    missing: 'saknas',
    missingTranslations: 'Översättningar som saknas',
    allTranslated: 'allt översatt',
    kioskLanguages: 'Kioskens språk',
    kioskLanguagesHint: (f) => `Tjänsternas namn frågas på dessa språk. En översättning som saknas visas på ${f}.`,
    deskAccessible: 'Tillgänglig servicepunkt',
    deskLanguages: 'Språk som talas vid servicepunkten',
    booking: 'Tidsbokning',
    appointmentOnly: 'Endast med tidsbokning',
    appointmentOnlyHint: 'Kiosken ger inget könummer till tjänsten utan berättar hur man bokar en tid.',
    bookingInfo: (l) => `Så här bokar man (${l})`,
  },
  en: {
    title: 'Administration',
    tabs: { hub: 'Hub', agencies: 'Agencies', services: 'Services', desks: 'Desks', staff: 'Staff', questions: 'Kiosk questions', devices: 'Devices', audit: 'Audit log' },
    save: 'Save',
    add: 'Add',
    saved: 'Saved.',
    name: (l) => `Name (${l})`,
    publicLabel: (l) => `Public label (${l})`,
    code: 'Code',
    color: 'Colour',
    agency: 'Agency',
    prefix: 'Letter',
    targetWait: 'Target wait (min)',
    serviceMinutes: 'Typical service time (min)',
    active: 'Active',
    openNow: 'open now',
    closedNow: 'closed now',
    weekly: 'Weekly opening hours',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    from: 'From',
    to: 'To',
    popupDays: 'Pop-up days and extra days',
    closedDays: 'Exceptions: closed',
    date: 'Date',
    remove: 'Remove',
    addDay: 'Add a day',
    referralPolicy: "A referred visitor's place in line",
    placements: { keep: 'Keeps the original arrival time', back: 'Back of the line', front: 'Front of the line' },
    zone: 'Display zone',
    desk: 'Desk',
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    roles: { staff: 'Staff', guide: 'Guide', admin: 'Admin', region_admin: 'Region admin' },
    agencies: 'Agencies',
    language: 'Language',
    password: 'Password',
    resetPassword: 'Reset password',
    newService: 'New service',
    newAgency: 'New agency',
    newDesk: 'New desk',
    newUser: 'New user',
    question: 'Question',
    icon: 'Picture',
    suggests: 'Suggests services',
    guidanceIfEmpty: 'If none is chosen, the visitor goes to Guidance.',
    preview: 'Preview',
    addQuestion: 'Add a question',
    pairTitle: 'Pair a device',
    pairHint: 'Open the kiosk, display or feedback tablet (/feedback): it shows a six-character code. Type the code here.',
    deviceKinds: { kiosk: 'kiosk', display: 'display', feedback: 'feedback tablet', booking: 'booking system' },
    pairCode: 'Code',
    pair: 'Pair',
    kind: 'Kind',
    printer: 'Printer',
    printerKinds: { network: 'Network printer (ESC/POS)', file: 'To file (demo)', browser: "The browser's print", none: 'No printer' },
    host: 'Address',
    port: 'Port',
    revoke: 'Revoke',
    revoked: 'revoked',
    lastPrint: (ok, at, e) => (ok ? `Last print ok ${at}` : `Print failed ${at}: ${e ?? ''}`),
    when: 'When',
    who: 'Who',
    what: 'What',
    edit: (n) => `Edit: ${n}`,
    missing: 'missing',
    missingTranslations: 'Missing translations',
    allTranslated: 'all translated',
    kioskLanguages: 'Kiosk languages',
    kioskLanguagesHint: (f) => `Service names are asked for in these languages. A missing translation is shown in ${f}.`,
    deskAccessible: 'Accessible desk',
    deskLanguages: 'Languages spoken at the desk',
    booking: 'Appointments',
    appointmentOnly: 'By appointment only',
    appointmentOnlyHint: 'The kiosk gives no queue number for it; it tells how to book instead.',
    bookingInfo: (l) => `How to book (${l})`,
  },
};

/** The display tab's words (issue 13 §3): information between calls, and what each display can say. */
export interface DisplayAdminMessages {
  tab: string;
  infoTitle: string;
  infoHint: string;
  items: Record<'hours' | 'agencies' | 'phone', string>;
  show: string;
  text: (lang: string) => string;
  rotateSeconds: string;
  callSeconds: string;
  voicesTitle: string;
  voicesHint: string;
  noReport: string;
  via: Record<'browser' | 'server' | 'none', string>;
  lastSilent: (lang: string, at: string) => string;
  reportedAt: (at: string) => string;
}

export const displayAdminMessages: Record<'fi' | 'sv' | 'en', DisplayAdminMessages> = {
  fi: {
    tab: 'Näyttö',
    infoTitle: 'Tiedotteet kutsujen välillä',
    infoHint: 'Kun kutsua ei ole juuri tullut, näyttö kertoo vuorotellen nämä asiat suomeksi, ruotsiksi ja englanniksi. Tyhjä teksti: näytön oma teksti.',
    items: { hours: 'Aukioloajat tänään', agencies: 'Paikalla tänään ja pop-upit', phone: 'Vuoron seuraaminen puhelimella' },
    show: 'Näytä',
    text: (l) => `Oma teksti (${l})`,
    rotateSeconds: 'Kunkin tiedotteen aika (s)',
    callSeconds: 'Kutsu pysyy näytöllä (s)',
    voicesTitle: 'Näyttöjen äänet',
    voicesHint: 'Millä kielillä kukin näyttö osaa kuuluttaa: selaimen oma ääni, palvelimen tuottama ääni tai ei ääntä.',
    noReport: 'Näyttö ei ole vielä ilmoittanut ääniään.',
    via: { browser: 'selaimen ääni', server: 'palvelimen ääni', none: 'ei ääntä' },
    lastSilent: (l, at) => `Viimeksi ilman ääntä: ${l}, ${at}`,
    reportedAt: (at) => `Ilmoitettu ${at}`,
  },
  sv: {
    tab: 'Skärm',
    infoTitle: 'Information mellan uppropen',
    infoHint: 'När inget nytt upprop har kommit visar skärmen detta i tur och ordning på finska, svenska och engelska. Tom text: skärmens egen text.',
    items: { hours: 'Öppettider i dag', agencies: 'På plats i dag och pop-up', phone: 'Följ din tur i telefonen' },
    show: 'Visa',
    text: (l) => `Egen text (${l})`,
    rotateSeconds: 'Tid per informationsruta (s)',
    callSeconds: 'Uppropet stannar på skärmen (s)',
    voicesTitle: 'Skärmarnas röster',
    voicesHint: 'På vilka språk varje skärm kan ropa upp: webbläsarens röst, serverns ljud eller ingen röst.',
    noReport: 'Skärmen har ännu inte rapporterat sina röster.',
    via: { browser: 'webbläsarens röst', server: 'serverns ljud', none: 'ingen röst' },
    lastSilent: (l, at) => `Senast utan ljud: ${l}, ${at}`,
    reportedAt: (at) => `Rapporterat ${at}`,
  },
  en: {
    tab: 'Display',
    infoTitle: 'Information between calls',
    infoHint: 'When no call is fresh, the display shows these in turn, in Finnish, Swedish and English. Empty text: the display’s own words.',
    items: { hours: 'Opening hours today', agencies: 'Here today, and pop-ups', phone: 'Following your turn by phone' },
    show: 'Show',
    text: (l) => `Own text (${l})`,
    rotateSeconds: 'Seconds per item',
    callSeconds: 'Seconds a call stays large',
    voicesTitle: 'Display voices',
    voicesHint: 'Which languages each display can announce in: its browser’s voice, audio from the server, or no voice.',
    noReport: 'This display has not reported its voices yet.',
    via: { browser: 'browser voice', server: 'server audio', none: 'no voice' },
    lastSilent: (l, at) => `Last silent phrase: ${l}, ${at}`,
    reportedAt: (at) => `Reported ${at}`,
  },
};
