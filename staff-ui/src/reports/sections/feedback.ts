import { html, type TemplateResult } from 'lit';
import type { FeedbackReport, FeedbackShares } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import type { TableCell } from '../report-figure.js';
import { feedbackMessages } from '../feedback-i18n.js';
import { empty, figure, type ReportView } from '../report-view.js';
import '../report-bars.js';

/** "Sorted in one visit": the share that answered yes, per agency, path and "I don't know" outcome. */
export function feedbackSection(v: ReportView, lang: keyof typeof feedbackMessages, r: FeedbackReport): TemplateResult {
  const m = feedbackMessages[lang] ?? feedbackMessages.en;
  const agency = (id: number) => {
    const a = r.agencies.find((x) => x.id === id);
    return a ? v.name(a.name) : String(id);
  };
  const text = (s: FeedbackShares) => (s.yesPct === null ? m.tooFew(s.answered) : m.shown(v.pct(s.yesPct), v.num(s.answered)));
  const groups: { label: string; shares: FeedbackShares; color?: string }[] = [
    { label: m.all, shares: r.all },
    ...(r.unknownPath && r.unknownPath.answered > 0 ? [{ label: m.unknownPath, shares: r.unknownPath }] : []),
    ...r.byAgency.map((g) => ({ label: `${m.byAgency}: ${agency(g.agencyId)}`, shares: g, color: v.agencyColor(g.agencyId) })),
    ...r.byPath.map((g) => ({ label: `${m.byPath}: ${g.route.map(agency).join(' → ')}`, shares: g })),
    ...r.byGuidanceOutcome.map((g) => ({ label: `${m.byOutcome}: ${g.agencyId === null ? m.sorted : m.sentTo(agency(g.agencyId))}`, shares: g })),
  ];
  const rows: BarRow[] = groups.map((g) => ({ label: g.label, value: g.shares.yesPct, text: text(g.shares), ...(g.color ? { color: g.color } : {}) }));
  return figure(
    v,
    {
      heading: m.title,
      note: m.note(r.minAnswers),
      csv: 'feedback',
      wide: true,
      columns: [m.group, m.answered, m.yes, m.partly, m.no],
      rows: groups.map((g): TableCell[] => [g.label, g.shares.answered, g.shares.yesPct === null ? null : v.pct(g.shares.yesPct), g.shares.partlyPct === null ? null : v.pct(g.shares.partlyPct), g.shares.noPct === null ? null : v.pct(g.shares.noPct)]),
    },
    r.all.answered === 0
      ? empty(v)
      : html`<report-bars .rows=${rows} unit="%" .locale=${v.t.locale} .label=${r.all.yesPct === null ? m.tooFew(r.all.answered) : m.summary(v.pct(r.all.yesPct), r.all.answered)}></report-bars>`,
  );
}
