/** Every string of the reports page, in Finnish, Swedish and English. */
export type ReportLang = 'fi' | 'sv' | 'en';

export interface ReportMessages {
  locale: string;
  title: string;
  intro: string;
  period: string;
  modes: Record<'day' | 'week' | 'range', string>;
  day: string;
  weekOf: string;
  from: string;
  to: string;
  previous: string;
  next: string;
  agency: string;
  wholeHub: string;
  allMine: string;
  loading: string;
  failed: (message: string) => string;
  nothing: string;
  showTable: string;
  hideTable: string;
  table: string;
  csv: string;
  csvOf: (what: string) => string;
  weekdays: string[];
  weekdaysShort: string[];
  min: (n: string) => string;
  pct: (n: string) => string;
  keyFigures: string;
  kf: {
    visits: string;
    withinTarget: string;
    referred: string;
    guidance: string;
    stay: string;
    multiAgency: string;
  };
  arrivals: { title: string; note: string; hour: string; weekday: string; visits: string; summary: (busiest: string, n: number, total: number) => string };
  waits: {
    title: string;
    note: string;
    service: string;
    median: string;
    p90: string;
    target: string;
    within: string;
    called: string;
    left: string;
    summary: (worst: string, pct: string) => string;
  };
  services: { title: string; note: string; served: string; median: string; p90: string; mean: string; noShows: string; summary: (n: number, noShows: number) => string };
  desks: { title: string; note: string; desk: string; called: string; served: string; noShows: string; median: string; summary: (n: number) => string };
  referrals: {
    title: string;
    note: string;
    matrixTitle: string;
    flowTitle: string;
    reasonsTitle: string;
    from: string;
    to: string;
    count: string;
    completed: string;
    handoff: string;
    totals: (n: number, visits: number, completedPct: string, handoff: string) => string;
    matrixSummary: (top: string) => string;
    flowSummary: (top: string) => string;
    none: string;
  };
  reasons: Record<'needs_other_service' | 'wrong_queue' | 'planned_visit' | 'visitor_request' | 'other', string>;
  guidance: {
    title: string;
    note: string;
    outcome: string;
    visits: string;
    served: string;
    resolved: string;
    noShow: string;
    other: string;
    sentTo: (service: string) => string;
    summary: (n: number, sentOn: number) => string;
  };
  stay: {
    title: string;
    note: string;
    byAgenciesTitle: string;
    agenciesColumn: string;
    bucket: (from: number, to: number | null) => string;
    agenciesMet: (n: number) => string;
    visits: string;
    median: string;
    p90: string;
    summary: (median: string, multi: string) => string;
  };
  legend: { median: string; p90: string; target: string; served: string; noShows: string; fewer: string; more: string };
}

const weekdaysFi = ['maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai', 'sunnuntai'];
const weekdaysSv = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];
const weekdaysEn = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const reportMessages: Record<ReportLang, ReportMessages> = {
  fi: {
    locale: 'fi-FI',
    title: 'Raportit',
    intro: 'Miten palvelutori toimii: odotukset, palvelu ja ohjaukset toimijalta toiselle.',
    period: 'Ajanjakso',
    modes: { day: 'Päivä', week: 'Viikko', range: 'Aikaväli' },
    day: 'Päivä',
    weekOf: 'Jokin viikon päivä',
    from: 'Alkaen',
    to: 'Asti',
    previous: 'Edellinen',
    next: 'Seuraava',
    agency: 'Toimija',
    wholeHub: 'Koko palvelutori',
    allMine: 'Kaikki omat toimijat',
    loading: 'Ladataan…',
    failed: (m) => `Raportin lataus epäonnistui: ${m}`,
    nothing: 'Ei käyntejä tällä ajanjaksolla.',
    showTable: 'Näytä taulukkona',
    hideTable: 'Piilota taulukko',
    table: 'taulukko',
    csv: 'Lataa CSV',
    csvOf: (w) => `Lataa CSV: ${w}`,
    weekdays: weekdaysFi,
    weekdaysShort: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
    min: (n) => `${n}\u00a0min`,
    pct: (n) => `${n}\u00a0%`,
    keyFigures: 'Tunnusluvut',
    kf: {
      visits: 'käyntiä',
      withinTarget: 'kutsuttiin tavoiteajassa',
      referred: 'ohjattiin eteenpäin',
      guidance: '”en tiedä” -asiakasta',
      stay: 'mediaaniaika palvelutorilla',
      multiAgency: 'asioi useammalla toimijalla',
    },
    arrivals: {
      title: 'Saapumiset viikonpäivittäin ja tunneittain',
      note: 'Käyntien määrä saapumistunnin mukaan koko ajanjaksolta.',
      hour: 'Tunti',
      weekday: 'Viikonpäivä',
      visits: 'Käyntejä',
      summary: (b, n, total) => `Lämpökartta saapumisista, yhteensä ${total} käyntiä. Vilkkain: ${b}, ${n} käyntiä.`,
    },
    waits: {
      title: 'Odotusaika palveluittain',
      note: 'Jonoon liittymisestä kutsuun. Palkki: mediaani, vaalea jatke: 90. persentiili, pystyviiva: tavoite.',
      service: 'Palvelu',
      median: 'Mediaani',
      p90: '90 % kutsuttiin ajassa',
      target: 'Tavoite',
      within: 'Tavoiteajassa',
      called: 'Kutsuttu',
      left: 'Poistui ennen kutsua',
      summary: (w, p) => `Pylväskaavio odotusajoista. Pisin mediaaniodotus: ${w}. Kaikista kutsutuista ${p} tavoiteajassa.`,
    },
    services: {
      title: 'Palveluaika palveluittain',
      note: 'Palvelun aloituksesta sen päättymiseen. Palkki: mediaani, vaalea jatke: 90. persentiili.',
      served: 'Palveltu',
      median: 'Mediaani',
      p90: '90. persentiili',
      mean: 'Keskiarvo',
      noShows: 'Ei saapunut',
      summary: (n, ns) => `Pylväskaavio palveluajoista: ${n} palveltua, ${ns} ei saapunut.`,
    },
    desks: {
      title: 'Käynnit palvelupisteittäin',
      note: 'Kutsutut asiakkaat; tumma osa palveltiin, oranssi ei saapunut.',
      desk: 'Palvelupiste',
      called: 'Kutsuttu',
      served: 'Palveltu',
      noShows: 'Ei saapunut',
      median: 'Palveluajan mediaani',
      summary: (n) => `Pylväskaavio: ${n} palvelupistettä.`,
    },
    referrals: {
      title: 'Ohjaukset toimijalta toiselle',
      note: 'Asiakas säilyttää vuoronumeronsa. Valmis = vastaanottava toimija palveli asiakkaan. Siirtoaika = ohjauksesta kutsuun.',
      matrixTitle: 'Mistä mihin',
      flowTitle: 'Ohjausvirrat',
      reasonsTitle: 'Ohjauksen syyt',
      from: 'Mistä',
      to: 'Mihin',
      count: 'Ohjauksia',
      completed: 'Valmiita',
      handoff: 'Siirtoajan mediaani',
      totals: (n, v, c, h) => `${n} ohjausta (${v} asiakasta), ${c} valmiita, siirtoajan mediaani ${h}.`,
      matrixSummary: (top) => `Ohjausmatriisi: rivit lähettävät, sarakkeet vastaanottavat toimijat. Suurin: ${top}.`,
      flowSummary: (top) => `Vuokaavio ohjauksista toimijoiden välillä. Suurin virta: ${top}.`,
      none: 'Ei ohjauksia tällä ajanjaksolla.',
    },
    reasons: {
      needs_other_service: 'Tarvitsee toista palvelua',
      wrong_queue: 'Väärä jono',
      planned_visit: 'Suunniteltu asiointi',
      visitor_request: 'Asiakkaan toive',
      other: 'Muu',
    },
    guidance: {
      title: '”En tiedä, mitä tarvitsen” -asiakkaat',
      note: 'Kioskilta Neuvontaan tulleet: mihin he päätyivät.',
      outcome: 'Lopputulos',
      visits: 'Asiakkaita',
      served: 'Palveltu',
      resolved: 'Asia hoitui Neuvonnassa',
      noShow: 'Ei saapunut Neuvontaan',
      other: 'Poistui tai yhä paikalla',
      sentTo: (s) => `Ohjattiin: ${s}`,
      summary: (n, s) => `Pylväskaavio: ${n} asiakasta, joista ${s} ohjattiin eteenpäin.`,
    },
    stay: {
      title: 'Aika palvelutorilla',
      byAgenciesTitle: 'Aika palvelutorilla toimijoiden määrän mukaan',
      agenciesColumn: 'Toimijoita',
      note: 'Saapumisesta viimeisen asioinnin päättymiseen. Toimija = kutsuttiin sen palvelupisteeseen.',
      bucket: (f, t) => (t === null ? `yli ${f} min` : `${f}–${t} min`),
      agenciesMet: (n) => (n === 0 ? 'ei kutsuttu' : n >= 3 ? '3 tai useampi toimija' : n === 1 ? '1 toimija' : `${n} toimijaa`),
      visits: 'Käyntejä',
      median: 'Mediaani',
      p90: '90. persentiili',
      summary: (m, multi) => `Pylväskaavio käyntien kestosta. Mediaani ${m}; useammalla toimijalla asioi ${multi}.`,
    },
    legend: { median: 'mediaani', p90: '90. persentiili', target: 'tavoite', served: 'palveltu', noShows: 'ei saapunut', fewer: 'vähemmän', more: 'enemmän' },
  },
  sv: {
    locale: 'sv-FI',
    title: 'Rapporter',
    intro: 'Hur servicetorget fungerar: väntetider, betjäning och hänvisningar mellan aktörer.',
    period: 'Period',
    modes: { day: 'Dag', week: 'Vecka', range: 'Intervall' },
    day: 'Dag',
    weekOf: 'Någon dag i veckan',
    from: 'Från',
    to: 'Till',
    previous: 'Föregående',
    next: 'Nästa',
    agency: 'Aktör',
    wholeHub: 'Hela servicetorget',
    allMine: 'Alla mina aktörer',
    loading: 'Laddar…',
    failed: (m) => `Rapporten kunde inte laddas: ${m}`,
    nothing: 'Inga besök under perioden.',
    showTable: 'Visa som tabell',
    hideTable: 'Dölj tabellen',
    table: 'tabell',
    csv: 'Ladda ner CSV',
    csvOf: (w) => `Ladda ner CSV: ${w}`,
    weekdays: weekdaysSv,
    weekdaysShort: ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'],
    min: (n) => `${n}\u00a0min`,
    pct: (n) => `${n}\u00a0%`,
    keyFigures: 'Nyckeltal',
    kf: {
      visits: 'besök',
      withinTarget: 'kallades inom måltiden',
      referred: 'hänvisades vidare',
      guidance: '”vet inte”-besökare',
      stay: 'mediantid på servicetorget',
      multiAgency: 'träffade flera aktörer',
    },
    arrivals: {
      title: 'Ankomster per veckodag och timme',
      note: 'Antal besök enligt ankomsttimme under hela perioden.',
      hour: 'Timme',
      weekday: 'Veckodag',
      visits: 'Besök',
      summary: (b, n, total) => `Värmekarta över ankomster, sammanlagt ${total} besök. Livligast: ${b}, ${n} besök.`,
    },
    waits: {
      title: 'Väntetid per tjänst',
      note: 'Från kön till kallelsen. Stapel: median, ljus förlängning: 90:e percentilen, lodrät linje: mål.',
      service: 'Tjänst',
      median: 'Median',
      p90: '90 % kallades inom',
      target: 'Mål',
      within: 'Inom målet',
      called: 'Kallade',
      left: 'Gick före kallelsen',
      summary: (w, p) => `Stapeldiagram över väntetider. Längsta medianväntan: ${w}. Av alla kallade ${p} inom målet.`,
    },
    services: {
      title: 'Betjäningstid per tjänst',
      note: 'Från att betjäningen börjar tills den slutar. Stapel: median, ljus förlängning: 90:e percentilen.',
      served: 'Betjänade',
      median: 'Median',
      p90: '90:e percentilen',
      mean: 'Medelvärde',
      noShows: 'Kom inte',
      summary: (n, ns) => `Stapeldiagram över betjäningstider: ${n} betjänade, ${ns} kom inte.`,
    },
    desks: {
      title: 'Besök per servicepunkt',
      note: 'Kallade besökare; mörk del betjänades, orange kom inte.',
      desk: 'Servicepunkt',
      called: 'Kallade',
      served: 'Betjänade',
      noShows: 'Kom inte',
      median: 'Median för betjäningstid',
      summary: (n) => `Stapeldiagram: ${n} servicepunkter.`,
    },
    referrals: {
      title: 'Hänvisningar mellan aktörer',
      note: 'Besökaren behåller sitt könummer. Klar = den mottagande aktören betjänade besökaren. Överlämning = från hänvisning till kallelse.',
      matrixTitle: 'Varifrån vart',
      flowTitle: 'Hänvisningsflöden',
      reasonsTitle: 'Orsaker till hänvisning',
      from: 'Från',
      to: 'Till',
      count: 'Hänvisningar',
      completed: 'Klara',
      handoff: 'Median för överlämning',
      totals: (n, v, c, h) => `${n} hänvisningar (${v} besökare), ${c} klara, median för överlämning ${h}.`,
      matrixSummary: (top) => `Hänvisningsmatris: rader är sändande, kolumner mottagande aktörer. Störst: ${top}.`,
      flowSummary: (top) => `Flödesdiagram över hänvisningar mellan aktörer. Största flödet: ${top}.`,
      none: 'Inga hänvisningar under perioden.',
    },
    reasons: {
      needs_other_service: 'Behöver en annan tjänst',
      wrong_queue: 'Fel kö',
      planned_visit: 'Planerat besök',
      visitor_request: 'Besökarens önskemål',
      other: 'Annat',
    },
    guidance: {
      title: '”Jag vet inte vad jag behöver”-besökare',
      note: 'De som valde Rådgivning i kiosken: vart de kom.',
      outcome: 'Resultat',
      visits: 'Besökare',
      served: 'Betjänade',
      resolved: 'Ärendet löstes i Rådgivningen',
      noShow: 'Kom inte till Rådgivningen',
      other: 'Gick eller är kvar',
      sentTo: (s) => `Hänvisades: ${s}`,
      summary: (n, s) => `Stapeldiagram: ${n} besökare, av dem hänvisades ${s} vidare.`,
    },
    stay: {
      title: 'Tid på servicetorget',
      byAgenciesTitle: 'Tid på servicetorget efter antal aktörer',
      agenciesColumn: 'Aktörer',
      note: 'Från ankomsten till slutet av det sista ärendet. Aktör = kallades till dess servicepunkt.',
      bucket: (f, t) => (t === null ? `över ${f} min` : `${f}–${t} min`),
      agenciesMet: (n) => (n === 0 ? 'inte kallad' : n >= 3 ? '3 aktörer eller fler' : n === 1 ? '1 aktör' : `${n} aktörer`),
      visits: 'Besök',
      median: 'Median',
      p90: '90:e percentilen',
      summary: (m, multi) => `Stapeldiagram över besökens längd. Median ${m}; ${multi} träffade flera aktörer.`,
    },
    legend: { median: 'median', p90: '90:e percentilen', target: 'mål', served: 'betjänade', noShows: 'kom inte', fewer: 'färre', more: 'fler' },
  },
  en: {
    locale: 'en-GB',
    title: 'Reports',
    intro: 'How the service hub works: waits, service and referrals from one agency to another.',
    period: 'Period',
    modes: { day: 'Day', week: 'Week', range: 'Range' },
    day: 'Day',
    weekOf: 'Any day of the week',
    from: 'From',
    to: 'To',
    previous: 'Previous',
    next: 'Next',
    agency: 'Agency',
    wholeHub: 'Whole service hub',
    allMine: 'All my agencies',
    loading: 'Loading…',
    failed: (m) => `The report could not be loaded: ${m}`,
    nothing: 'No visits in this period.',
    showTable: 'Show as a table',
    hideTable: 'Hide the table',
    table: 'table',
    csv: 'Download CSV',
    csvOf: (w) => `Download CSV: ${w}`,
    weekdays: weekdaysEn,
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    min: (n) => `${n}\u00a0min`,
    pct: (n) => `${n}%`,
    keyFigures: 'Key figures',
    kf: {
      visits: 'visits',
      withinTarget: 'called within target',
      referred: 'referred on',
      guidance: '“I don’t know” visitors',
      stay: 'median time in the hub',
      multiAgency: 'met more than one agency',
    },
    arrivals: {
      title: 'Arrivals by weekday and hour',
      note: 'Visits by the hour they arrived, over the whole period.',
      hour: 'Hour',
      weekday: 'Weekday',
      visits: 'Visits',
      summary: (b, n, total) => `Heat map of arrivals, ${total} visits in all. Busiest: ${b}, ${n} visits.`,
    },
    waits: {
      title: 'Waiting time per service',
      note: 'From joining the line to being called. Bar: median, light extension: 90th percentile, vertical line: target.',
      service: 'Service',
      median: 'Median',
      p90: '90% called within',
      target: 'Target',
      within: 'Within target',
      called: 'Called',
      left: 'Left before a call',
      summary: (w, p) => `Bar chart of waiting times. Longest median wait: ${w}. Of everyone called, ${p} within target.`,
    },
    services: {
      title: 'Service time per service',
      note: 'From starting to finishing. Bar: median, light extension: 90th percentile.',
      served: 'Served',
      median: 'Median',
      p90: '90th percentile',
      mean: 'Mean',
      noShows: 'No-shows',
      summary: (n, ns) => `Bar chart of service times: ${n} served, ${ns} no-shows.`,
    },
    desks: {
      title: 'Visits per desk',
      note: 'Visitors called; the dark part was served, orange did not come.',
      desk: 'Desk',
      called: 'Called',
      served: 'Served',
      noShows: 'No-shows',
      median: 'Median service time',
      summary: (n) => `Bar chart: ${n} desks.`,
    },
    referrals: {
      title: 'Referrals between agencies',
      note: 'The visitor keeps their number. Completed = the receiving agency served the visitor. Hand-off = referral to call.',
      matrixTitle: 'From → to',
      flowTitle: 'Referral flows',
      reasonsTitle: 'Reasons for referral',
      from: 'From',
      to: 'To',
      count: 'Referrals',
      completed: 'Completed',
      handoff: 'Median hand-off',
      totals: (n, v, c, h) => `${n} referrals (${v} visitors), ${c} completed, median hand-off ${h}.`,
      matrixSummary: (top) => `Referral matrix: rows are sending, columns receiving agencies. Largest: ${top}.`,
      flowSummary: (top) => `Flow diagram of referrals between agencies. Largest flow: ${top}.`,
      none: 'No referrals in this period.',
    },
    reasons: {
      needs_other_service: 'Needs another service',
      wrong_queue: 'Wrong line',
      planned_visit: 'Planned visit',
      visitor_request: "Visitor's request",
      other: 'Other',
    },
    guidance: {
      title: '“I don’t know what I need” visitors',
      note: 'Those who chose Guidance at the kiosk: where they ended up.',
      outcome: 'Outcome',
      visits: 'Visitors',
      served: 'Served',
      resolved: 'Sorted out at Guidance',
      noShow: 'Did not come to Guidance',
      other: 'Left, or still in the hub',
      sentTo: (s) => `Sent to ${s}`,
      summary: (n, s) => `Bar chart: ${n} visitors, ${s} of them referred on.`,
    },
    stay: {
      title: 'Time in the hub',
      byAgenciesTitle: 'Time in the hub by agencies met',
      agenciesColumn: 'Agencies met',
      note: 'From arrival to the end of the last step. Agency = called to one of its desks.',
      bucket: (f, t) => (t === null ? `over ${f} min` : `${f}–${t} min`),
      agenciesMet: (n) => (n === 0 ? 'never called' : n >= 3 ? '3 or more agencies' : n === 1 ? '1 agency' : `${n} agencies`),
      visits: 'Visits',
      median: 'Median',
      p90: '90th percentile',
      summary: (m, multi) => `Bar chart of visit lengths. Median ${m}; ${multi} met more than one agency.`,
    },
    legend: { median: 'median', p90: '90th percentile', target: 'target', served: 'served', noShows: 'no-show', fewer: 'fewer', more: 'more' },
  },
};
