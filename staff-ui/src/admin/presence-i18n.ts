/** The words of the admin pages' agency presence tab (issue 12 §1), in the staff languages. */
export interface PresenceAdminMessages {
  tab: string;
  hint: string;
  agency: string;
  offers: string;
  edit: (agency: string) => string;
  phone: string;
  phoneHint: string;
  onlineUrl: string;
  onlineUrlHint: string;
  guidance: string;
  text: (lang: string) => string;
  nothingSet: string;
  save: string;
  cancel: string;
  saved: string;
}

export const presenceAdminMessages: Record<'fi' | 'sv' | 'en', PresenceAdminMessages> = {
  fi: {
    tab: 'Poissaolopäivät',
    hint: 'Kun virasto ei ole palvelutorilla tänään, kioski kertoo, milloin se on seuraavan kerran täällä (palvelujen aukioloajoista), ja tarjoaa nämä vaihtoehdot.',
    agency: 'Virasto',
    offers: 'Kioski tarjoaa',
    edit: (a) => `Muokkaa: ${a}`,
    phone: 'Puhelinpalvelun numero',
    phoneHint: 'Esim. 020 692 202. Kioski näyttää numeron isolla; se ei soita.',
    onlineUrl: 'Verkkoasioinnin osoite',
    onlineUrlHint: 'Koko osoite, esim. https://www.kela.fi/asiointi. Kioski näyttää osoitteen ja QR-koodin.',
    guidance: 'Tarjoa vuoronumeroa Neuvontaan',
    text: (l) => `Lyhyt teksti (${l})`,
    nothingSet: 'Ei vaihtoehtoja',
    save: 'Tallenna',
    cancel: 'Peruuta',
    saved: 'Tallennettu.',
  },
  sv: {
    tab: 'Frånvarodagar',
    hint: 'När en myndighet inte finns på servicetorget i dag visar kiosken när den är här nästa gång (enligt tjänsternas öppettider) och erbjuder dessa alternativ.',
    agency: 'Myndighet',
    offers: 'Kiosken erbjuder',
    edit: (a) => `Redigera: ${a}`,
    phone: 'Telefontjänstens nummer',
    phoneHint: 'T.ex. 020 692 202. Kiosken visar numret stort; den ringer inte.',
    onlineUrl: 'Adress till e-tjänsten',
    onlineUrlHint: 'Hela adressen, t.ex. https://www.fpa.fi. Kiosken visar adressen och en QR-kod.',
    guidance: 'Erbjud ett könummer till Rådgivningen',
    text: (l) => `Kort text (${l})`,
    nothingSet: 'Inga alternativ',
    save: 'Spara',
    cancel: 'Avbryt',
    saved: 'Sparat.',
  },
  en: {
    tab: 'Absent days',
    hint: 'When an agency is not in the hub today, the kiosk says when it is next here (from its services’ opening hours) and offers these alternatives.',
    agency: 'Agency',
    offers: 'The kiosk offers',
    edit: (a) => `Edit: ${a}`,
    phone: 'Phone service number',
    phoneHint: 'E.g. 020 692 202. The kiosk shows the number large; it cannot dial.',
    onlineUrl: 'Online service address',
    onlineUrlHint: 'The whole address, e.g. https://www.kela.fi/asiointi. The kiosk shows it and its QR code.',
    guidance: 'Offer a Guidance ticket',
    text: (l) => `Short text (${l})`,
    nothingSet: 'No alternatives',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Saved.',
  },
};
