import type { ReportLang } from './i18n.js';

/** The words of the "sorted in one visit" section (issue 11 §3), beside the page's own in ./i18n.ts. */
export interface FeedbackMessages {
  title: string;
  note: (min: number) => string;
  headline: string;
  group: string;
  answered: string;
  yes: string;
  partly: string;
  no: string;
  all: string;
  unknownPath: string;
  byAgency: string;
  byPath: string;
  byOutcome: string;
  sorted: string;
  sentTo: (agency: string) => string;
  tooFew: (n: number) => string;
  shown: (pct: string, n: string) => string;
  summary: (pct: string, n: number) => string;
}

export const feedbackMessages: Record<ReportLang, FeedbackMessages> = {
  fi: {
    title: 'Asia hoitui yhdellä käynnillä',
    note: (min) =>
      `Osuus asiakkaista, jotka vastasivat käynnin lopussa kysymykseen ”Saitko asiasi hoidettua tänään?” kyllä – luku, jota palvelutori on olemassa nostamaan. Toimijoittain (käynnit, jotka asioivat toimijalla), asiointipoluittain ja ”en tiedä” -asiakkaiden lopputuloksen mukaan. Vastaukset ovat nimettömiä; alle ${min} vastauksen ryhmistä näytetään vain vastausten määrä.`,
    headline: 'vastasi kyllä',
    group: 'Ryhmä', answered: 'Vastauksia', yes: 'Kyllä', partly: 'Osittain', no: 'Ei',
    all: 'Kaikki vastaukset', unknownPath: 'Tabletti, ei lappua',
    byAgency: 'Toimija', byPath: 'Polku', byOutcome: '”En tiedä”',
    sorted: 'Hoitui Neuvonnassa', sentTo: (a) => `Ohjattiin: ${a}`,
    tooFew: (n) => `${n} – liian vähän`,
    shown: (pct, n) => `${pct} (${n} vastausta)`,
    summary: (pct, n) => `${pct} ${n} vastaajasta sai asiansa hoidettua yhdellä käynnillä.`,
  },
  sv: {
    title: 'Ärendet ordnat vid ett besök',
    note: (min) =>
      `Andelen besökare som svarade ja på frågan ”Fick du ditt ärende ordnat i dag?” i slutet av besöket – talet som ett servicetorg finns till för att höja. Per aktör (besök som nådde aktören), per väg och per utfall för dem som inte visste vad de behövde. Svaren är anonyma; för grupper med färre än ${min} svar visas bara antalet svar.`,
    headline: 'svarade ja',
    group: 'Grupp', answered: 'Svar', yes: 'Ja', partly: 'Delvis', no: 'Nej',
    all: 'Alla svar', unknownPath: 'Plattan, utan kölapp',
    byAgency: 'Aktör', byPath: 'Väg', byOutcome: '”Vet inte”',
    sorted: 'Ordnat vid Rådgivningen', sentTo: (a) => `Hänvisad: ${a}`,
    tooFew: (n) => `${n} – för få`,
    shown: (pct, n) => `${pct} (${n} svar)`,
    summary: (pct, n) => `${pct} av ${n} svarande fick sitt ärende ordnat vid ett besök.`,
  },
  en: {
    title: 'Sorted in one visit',
    note: (min) =>
      `The share of visitors who answered yes to "Did you get your matter sorted today?" at the end of their visit – the number a one-stop hub exists to raise. Per agency (visits that reached it), per path and per outcome of the "I don't know" visitors. Answers are anonymous; groups of fewer than ${min} answers show only how many answered.`,
    headline: 'answered yes',
    group: 'Group', answered: 'Answers', yes: 'Yes', partly: 'Partly', no: 'No',
    all: 'All answers', unknownPath: 'Tablet, no ticket',
    byAgency: 'Agency', byPath: 'Path', byOutcome: '"I don\'t know"',
    sorted: 'Sorted at Guidance', sentTo: (a) => `Referred on: ${a}`,
    tooFew: (n) => `${n} – too few`,
    shown: (pct, n) => `${pct} (${n} answers)`,
    summary: (pct, n) => `${pct} of ${n} who answered got their matter sorted in one visit.`,
  },
};
