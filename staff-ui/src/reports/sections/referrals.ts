import { html, type TemplateResult } from 'lit';
import type { ReferralsReport } from '@luukku/shared';
import type { TableCell } from '../report-figure.js';
import type { FlowNode } from '../report-matrix.js';
import { empty, figure, type ReportView } from '../report-view.js';
import '../report-bars.js';
import '../report-flow.js';
import '../report-matrix.js';

const reasonKeys = ['needs_other_service', 'wrong_queue', 'planned_visit', 'visitor_request', 'other'] as const;

/** Referrals between agencies: as a matrix, as a flow, and by reason. */
export function referralsSection(v: ReportView, r: ReferralsReport): TemplateResult {
  const t = v.t;
  const nodes: FlowNode[] = r.agencies.map((a) => ({ id: a.id, name: v.name(a.name), color: a.color }));
  const name = (id: number) => nodes.find((n) => n.id === id)?.name ?? String(id);
  const top = [...r.pairs].sort((a, b) => b.referrals - a.referrals)[0];
  const topText = top ? `${name(top.fromAgencyId)} → ${name(top.toAgencyId)}: ${top.referrals}` : '–';
  const totals = t.referrals.totals(r.referrals, r.referredVisits, v.pct(r.completedPct), v.min(r.handoffMedianMin));
  const pairRows = r.pairs.map((p): TableCell[] => [
    `${name(p.fromAgencyId)} → ${name(p.toAgencyId)}`,
    p.referrals,
    p.completed,
    v.min(p.handoffMedianMin),
    reasonKeys.filter((k) => p.reasons[k] > 0).map((k) => `${t.reasons[k]} ${p.reasons[k]}`).join(', '),
  ]);
  const columns = [`${t.referrals.from} → ${t.referrals.to}`, t.referrals.count, t.referrals.completed, t.referrals.handoff, t.referrals.reasonsTitle];
  const none = r.referrals === 0;
  return html`${figure(
      v,
      { heading: t.referrals.title, note: `${t.referrals.note} ${totals}`, csv: 'referrals', columns, rows: pairRows },
      none
        ? empty(v, t.referrals.none)
        : html`<report-matrix
            .agencies=${nodes}
            .pairs=${r.pairs}
            .label=${t.referrals.matrixSummary(topText)}
            .fromLabel=${t.referrals.from}
            .toLabel=${t.referrals.to}
            .locale=${t.locale}
          ></report-matrix>`,
    )}
    ${figure(
      v,
      { heading: t.referrals.flowTitle, note: '', columns, rows: pairRows },
      none ? empty(v, t.referrals.none) : html`<report-flow .agencies=${nodes} .pairs=${r.pairs} .label=${t.referrals.flowSummary(topText)} .locale=${t.locale}></report-flow>`,
    )}
    ${figure(
      v,
      {
        heading: t.referrals.reasonsTitle,
        note: '',
        columns: [t.referrals.reasonsTitle, t.referrals.count],
        rows: reasonKeys.map((k) => [t.reasons[k], r.reasons[k]]),
      },
      none
        ? empty(v, t.referrals.none)
        : html`<report-bars
            .rows=${reasonKeys.map((k) => ({ label: t.reasons[k], value: r.reasons[k], text: v.num(r.reasons[k]) }))}
            .locale=${t.locale}
            .label=${reasonKeys.map((k) => `${t.reasons[k]} ${r.reasons[k]}`).join(', ')}
          ></report-bars>`,
    )}`;
}
