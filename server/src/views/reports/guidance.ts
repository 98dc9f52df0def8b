import { pickText } from '@luukku/shared';
import type { Queries } from '@luukku/db';
import type { ReportSection } from './section.js';

/** "I don't know" visitors: how many, and where they ended up. */
export const guidance: ReportSection<'guidance', ReturnType<Queries['reportGuidance']>> = {
  read: (q, { scope }) => q.reportGuidance(scope),
  view: (g, { meta }) => ({ meta, ...g, other: g.visits - g.sentOn - g.resolvedAtGuidance - g.noShows }),
  table: (r, agency, lang) => [
    ['outcome', 'service_id', 'agency', 'service', 'visits', 'served'],
    ['resolved_at_guidance', null, null, null, r.resolvedAtGuidance, null],
    ['no_show', null, null, null, r.noShows, null],
    ['other', null, null, null, r.other, null],
    ...r.destinations.map((d) => ['sent_on', d.serviceId, agency(d.agencyId), pickText(d.name, lang), d.visits, d.served]),
  ],
};
