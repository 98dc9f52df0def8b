import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HubRecord, UserRecord } from '@luukku/db';
import {
  DomainError, ErrorBody, HubsReport, HubsReportQuery, maxReportDays, NewHubBody, NewHubResult, resolvePeriod,
  type ReportKind, type ReportMap, type ReportPeriod,
} from '@luukku/shared';
import { requireUser } from '../plugins/auth.js';
import { createHubFromTemplate } from '../commands/hub-template.js';
import { mayEnterHub } from '../domain/access.js';
import { iso } from '../views/time.js';
import { hubsSideBySide } from '../views/reports/hubs-side-by-side.js';
import type { ReportJob } from '../views/reports/index.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Issue 12 §1: a region admin makes hubs from a template; admins set their hubs side by side. */
export default async function hubRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/admin/hubs',
    {
      schema: {
        tags: ['admin'],
        summary: "Region admin: a new hub from a template hub's settings, agencies, services and kiosk questions (no desks, people or devices)",
        body: NewHubBody,
        response: { 201: NewHubResult, ...errors },
      },
    },
    async (req, reply) => {
      const admin = requireUser(req, ['region_admin']);
      const made = createHubFromTemplate(app.commands, admin, req.body);
      reply.code(201);
      return {
        hub: { id: made.hubId, slug: req.body.slug, name: req.body.name },
        copied: { agencies: made.agencies, services: made.services, questions: made.questions },
      };
    },
  );

  r.get(
    '/api/reports/hubs',
    {
      schema: {
        tags: ['reports'],
        summary: 'Hubs side by side: visits, waits within target, referrals and "sorted in one visit" per hub, and each service\'s waits in every hub',
        description:
          'Admins: the hubs they are assigned to (region admins: any hub); `hubs` picks some by id, in that order. ' +
          'Give day, week (any day of it) or from and to, as for the other reports.',
        querystring: HubsReportQuery,
        response: { 200: HubsReport, ...errors, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req, ['admin']);
      const period = resolvePeriod(req.query);
      if (period.days > maxReportDays) {
        throw new DomainError('REPORT_RANGE_TOO_LARGE', `A report covers at most ${maxReportDays} days; this range has ${period.days}`, { maxDays: maxReportDays, days: period.days });
      }
      const hubs = hubsFor(user, req.query.hubs);
      const generatedAt = iso(app.config.now().getTime());
      const each = [];
      // one hub's reports after another: the report worker runs one at a time anyway
      for (const hub of hubs) {
        const run = async <K extends ReportKind>(kind: K): Promise<ReportMap[K]> => {
          const outcome = await app.reports.run(job(kind, hub, period, generatedAt));
          if (outcome.format !== 'json') throw new Error(`the ${kind} report came back as CSV`);
          return outcome.report as ReportMap[K];
        };
        each.push({
          hub,
          services: app.q.services(hub.id),
          arrivals: await run('arrivals'),
          waits: await run('waits'),
          referrals: await run('referrals'),
          feedback: await run('feedback'),
        });
      }
      return hubsSideBySide({ from: period.from, to: period.to, days: period.days }, generatedAt, each);
    },
  );

  /** The hubs asked for, each one the user may enter; by default every such hub. */
  function hubsFor(user: UserRecord, asked: number[] | undefined): HubRecord[] {
    const mine = app.q.hubs().filter((h) => mayEnterHub(user, h.id));
    if (asked === undefined) return mine;
    return asked.map((id) => {
      const hub = app.q.hub(id);
      if (!hub) throw new DomainError('HUB_NOT_FOUND', `No hub ${id}`);
      if (!mayEnterHub(user, id)) throw new DomainError('HUB_NOT_ASSIGNED', `You are not assigned to hub ${id}`);
      return hub;
    });
  }

  function job<K extends ReportKind>(kind: K, hub: HubRecord, period: ReportPeriod, generatedAt: string): ReportJob<K> {
    return {
      kind,
      scope: { hubId: hub.id, from: period.from, to: period.to, agencyIds: null },
      period,
      meta: { kind, from: period.from, to: period.to, days: period.days, timeZone: hub.timeZone, agencyIds: null, generatedAt },
      hub: { timeZone: hub.timeZone, targetWaitMin: hub.targetWaitMin },
      agencies: app.q.agencies(hub.id),
      csv: null,
    };
  }
}
