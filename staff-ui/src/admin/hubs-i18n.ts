/** The words of the region admin's hubs tab (issue 12 §1), in the staff languages. */
export interface HubsAdminMessages {
  tab: string;
  hint: string;
  hub: string;
  slug: string;
  current: string;
  newHub: string;
  name: (lang: string) => string;
  slugHint: string;
  template: string;
  create: string;
  created: (name: string, agencies: number, services: number, questions: number) => string;
  enter: (name: string) => string;
}

export const hubsAdminMessages: Record<'fi' | 'sv' | 'en', HubsAdminMessages> = {
  fi: {
    tab: 'Palvelutorit',
    hint: 'Uusi palvelutori saa mallin asetukset, virastot poissaolopäivien teksteineen, palvelut ja kioskin kysymykset. Palvelupisteet, henkilöt ja laitteet lisätään sille erikseen.',
    hub: 'Palvelutori',
    slug: 'Tunnus',
    current: 'tämä',
    newHub: 'Uusi palvelutori mallista',
    name: (l) => `Nimi (${l})`,
    slugHint: 'Pienet kirjaimet a–z, numerot ja väliviiva, esim. ohkola.',
    template: 'Malli',
    create: 'Luo palvelutori',
    created: (n, a, s, q) => `${n} luotu: ${a} virastoa, ${s} palvelua, ${q} kysymystä.`,
    enter: (n) => `Siirry palvelutorille ${n}`,
  },
  sv: {
    tab: 'Servicetorg',
    hint: 'Ett nytt servicetorg får mallens inställningar, myndigheterna med texterna för frånvarodagar, tjänsterna och kioskens frågor. Servicepunkter, personer och enheter läggs till separat.',
    hub: 'Servicetorg',
    slug: 'Kortnamn',
    current: 'detta',
    newHub: 'Nytt servicetorg från en mall',
    name: (l) => `Namn (${l})`,
    slugHint: 'Små bokstäver a–z, siffror och bindestreck, t.ex. ohkola.',
    template: 'Mall',
    create: 'Skapa servicetorget',
    created: (n, a, s, q) => `${n} skapat: ${a} myndigheter, ${s} tjänster, ${q} frågor.`,
    enter: (n) => `Gå till servicetorget ${n}`,
  },
  en: {
    tab: 'Hubs',
    hint: "A new hub gets the template's settings, its agencies with their absent-day texts, its services and kiosk questions. Desks, people and devices are added to it separately.",
    hub: 'Hub',
    slug: 'Short name',
    current: 'this one',
    newHub: 'New hub from a template',
    name: (l) => `Name (${l})`,
    slugHint: 'Lower-case a–z, digits and hyphens, e.g. ohkola.',
    template: 'Template',
    create: 'Create the hub',
    created: (n, a, s, q) => `${n} created: ${a} agencies, ${s} services, ${q} questions.`,
    enter: (n) => `Go to ${n}`,
  },
};
