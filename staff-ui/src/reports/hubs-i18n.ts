import type { ReportLang } from './i18n.js';

/** The words of the "hubs side by side" section (issue 12 §1), beside the page's own in ./i18n.ts. */
export interface HubsReportMessages {
  title: string;
  note: string;
  hub: string;
  visits: string;
  called: string;
  within: string;
  referrals: string;
  completed: string;
  answered: string;
  sorted: string;
  summary: string;
  servicesTitle: string;
  servicesNote: string;
  service: string;
  medianIn: (hub: string) => string;
}

export const hubsReportMessages: Record<ReportLang, HubsReportMessages> = {
  fi: {
    title: 'Palvelutorit rinnakkain',
    note: 'Kunkin palvelutorin omat luvut samalta ajalta: käynnit, tavoiteajassa kutsutut, ohjaukset ja ”asia hoitui yhdellä käynnillä” (alle 5 vastauksesta ei osuutta).',
    hub: 'Palvelutori', visits: 'Käyntejä', called: 'Kutsuttuja', within: 'Tavoiteajassa', referrals: 'Ohjauksia',
    completed: 'Ohjaus perille', answered: 'Vastauksia', sorted: 'Hoitui yhdellä käynnillä',
    summary: 'Tavoiteajassa kutsuttujen osuus palvelutoreittain',
    servicesTitle: 'Odotus palveluittain palvelutoreilla',
    servicesNote: 'Saman palvelun odotuksen mediaani kullakin palvelutorilla (– = palvelua ei ole tai ketään ei kutsuttu).',
    service: 'Palvelu', medianIn: (h) => `Mediaani: ${h}`,
  },
  sv: {
    title: 'Servicetorgen sida vid sida',
    note: 'Varje servicetorgs egna siffror för samma tid: besök, kallade inom målet, hänvisningar och ”ärendet ordnat vid ett besök” (ingen andel under 5 svar).',
    hub: 'Servicetorg', visits: 'Besök', called: 'Kallade', within: 'Inom målet', referrals: 'Hänvisningar',
    completed: 'Hänvisningen nådde fram', answered: 'Svar', sorted: 'Ordnat vid ett besök',
    summary: 'Andelen kallade inom målet per servicetorg',
    servicesTitle: 'Väntetid per tjänst på servicetorgen',
    servicesNote: 'Medianväntetiden för samma tjänst på varje servicetorg (– = tjänsten saknas eller ingen kallades).',
    service: 'Tjänst', medianIn: (h) => `Median: ${h}`,
  },
  en: {
    title: 'Hubs side by side',
    note: "Each hub's own figures for the same period: visits, called within target, referrals and \"sorted in one visit\" (no share below 5 answers).",
    hub: 'Hub', visits: 'Visits', called: 'Called', within: 'Within target', referrals: 'Referrals',
    completed: 'Referral completed', answered: 'Answers', sorted: 'Sorted in one visit',
    summary: 'Share called within target, per hub',
    servicesTitle: 'Waits per service across the hubs',
    servicesNote: "The median wait for the same service in each hub (– = the hub has no such service, or nobody was called).",
    service: 'Service', medianIn: (h) => `Median: ${h}`,
  },
};
