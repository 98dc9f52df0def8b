import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queries, UserRecord } from '@luukku/db';
import { DomainError, ErrorBody, maxReportDays, reportKinds, reportSchemas, resolvePeriod, ReportQuery, type ReportKind, type ReportMap } from '@luukku/shared';
import { requireUser } from '../plugins/auth.js';
import { iso } from '../views/time.js';
import type { ReportJob } from '../views/reports/index.js';
import { isAdminRole } from '../domain/access.js';

export { toCsv } from '../views/csv.js';

/**
 * Whose figures: admins the whole hub, others their own agencies. `agency` narrows to one:
 * any for an admin, only their own for staff.
 */
function scopeOf(q: Queries, user: UserRecord, agency: number | undefined): number[] | null {
  if (agency === undefined) return isAdminRole(user.role) ? null : [...user.agencyIds];
  if (!q.agencies(user.hubId).some((a) => a.id === agency)) throw new DomainError('NOT_FOUND', `No agency ${agency} in this hub`);
  if (!isAdminRole(user.role) && !user.agencyIds.includes(agency)) throw new DomainError('FORBIDDEN', 'Reports of another agency are for admins');
  return [agency];
}

const summaries: Record<ReportKind, string> = {
  arrivals: 'Visits by weekday and hour of arrival (heat map)',
  waits: 'Waiting time per service: median, 90th percentile, share called within target',
  services: 'Time at the desk per service, and no-shows',
  desks: 'Visitors called, served and not showing up, per desk',
  referrals: 'Referrals between agencies: from → to matrix, reasons, completed, hand-off time',
  guidance: '"I don\'t know" visitors: how many, and where they ended up',
  stay: 'Time in the hub per visit, and visits that met more than one agency',
  feedback: '"Sorted in one visit": answers to the end-of-visit question per agency, referral path and "I don\'t know" outcome, with how many answered (shares withheld below 5 answers)',
};

export default async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function register(kind: ReportKind): void {
    r.get(
      `/api/reports/${kind}`,
      {
        schema: {
          tags: ['reports'],
          summary: summaries[kind],
          description:
            'Staff see their own agencies (their services, referrals from or to them); admins the whole hub. ' +
            'Give day, week (any day of it) or from and to (local days, at most a year); format=csv for a spreadsheet. ' +
            'Reports run one at a time beside the server: 503 REPORTS_BUSY when too many wait, 504 REPORT_TIMEOUT when one runs too long.',
          querystring: ReportQuery,
          response: {
            200: {
              description: 'The report; with format=csv one table as CSV',
              content: { 'application/json': { schema: reportSchemas[kind] }, 'text/csv': { schema: z.string() } },
            },
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            503: ErrorBody,
            504: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const period = resolvePeriod(req.query);
        if (period.days > maxReportDays) {
          throw new DomainError('REPORT_RANGE_TOO_LARGE', `A report covers at most ${maxReportDays} days; this range has ${period.days}`, { maxDays: maxReportDays, days: period.days });
        }
        const hub = app.q.hub(user.hubId)!;
        const agencyIds = scopeOf(app.q, user, req.query.agency);
        const job: ReportJob = {
          kind,
          scope: { hubId: hub.id, from: period.from, to: period.to, agencyIds },
          period,
          meta: { kind, from: period.from, to: period.to, days: period.days, timeZone: hub.timeZone, agencyIds, generatedAt: iso(app.config.now().getTime()) },
          hub: { timeZone: hub.timeZone, targetWaitMin: hub.targetWaitMin },
          agencies: app.q.agencies(hub.id),
          csv: req.query.format === 'csv' ? { lang: req.query.lang ?? user.language, sep: req.query.sep } : null,
        };
        const outcome = await app.reports.run(job);
        if (outcome.format === 'json') return outcome.report as ReportMap[typeof kind];
        return sendCsv(reply, `luukku-${kind}-${period.from}${period.to === period.from ? '' : `_${period.to}`}.csv`, outcome.csv);
      },
    );
  }

  for (const kind of reportKinds) register(kind);
}

function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}
