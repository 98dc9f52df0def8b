import { createHash } from 'node:crypto';
import type { ServiceRecord } from '@luukku/db';
import type { HubRecord, VisitRecord } from '@luukku/db';
import { DomainError, isOpenAt, localMoment, type IssueVisitBody, type Needs, type VisitorLanguage } from '@luukku/shared';
import { formatNumber, visitPrefix } from '../domain/numbering.js';
import { actorUserId, write, type Actor, type CommandContext, type Writer } from './context.js';
import { emitQueues, emitStep, emitVisit } from './events.js';
import { loadHub, loadService } from './load.js';

/** The same request retried gives the same visit; another request under the same key is refused. */
function requestHash(body: IssueVisitBody): string {
  const { idempotencyKey: _key, ...rest } = body;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url');
}

function chooseServices(ctx: CommandContext, hubId: number, body: IssueVisitBody, at: Date, timeZone: string): ServiceRecord[] {
  if (body.guidance) {
    const guidance = ctx.q.services(hubId).find((s) => s.isGuidance && s.active);
    if (!guidance) throw new DomainError('SERVICE_NOT_FOUND', 'This hub has no guidance service');
    return [guidance];
  }
  const services = (body.services ?? []).map((id) => loadService(ctx.q, hubId, id));
  // a walk-in number for a service served by appointment only would promise what it cannot keep
  const booked = services.filter((s) => s.appointmentOnly);
  if (booked.length > 0) {
    throw new DomainError('APPOINTMENT_ONLY', `By appointment only: ${booked.map((s) => s.code).join(', ')}; book a time, then check in`, {
      serviceIds: booked.map((s) => s.id),
    });
  }
  const closed = services.filter((s) => !isOpenAt(s.schedule, at, timeZone));
  if (closed.length > 0) {
    throw new DomainError('SERVICE_CLOSED', `Not open now: ${closed.map((s) => s.code).join(', ')}`, {
      serviceIds: closed.map((s) => s.id),
    });
  }
  return services;
}

export interface IssueResult {
  visitId: number;
  replayed: boolean;
}

/**
 * Issues one visit with one public number. The first service is queued now, the rest are
 * planned and queue in turn, keeping the visit's arrival time.
 */
export function issueVisit(ctx: CommandContext, actor: Actor, body: IssueVisitBody): IssueResult {
  const hash = requestHash(body);
  return write(ctx, actor.hubId, (w, now) => {
    const { q } = ctx;
    const earlier = q.idempotency(actor.hubId, body.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw new DomainError('IDEMPOTENCY_CONFLICT', 'This idempotency key was used for a different request');
      }
      return { visitId: earlier.visitId, replayed: true };
    }
    const hub = loadHub(q, actor.hubId);
    const services = chooseServices(ctx, hub.id, body, new Date(now), hub.timeZone);
    const visit = startVisit(ctx, w, actor, hub, now, {
      services,
      language: body.language,
      needs: body.needs,
      idempotencyKey: body.idempotencyKey,
      requestHash: hash,
      place: { queueTime: now, priority: 0 },
    });
    return { visitId: visit.id, replayed: false };
  });
}

export interface NewVisit {
  services: readonly ServiceRecord[];
  language: VisitorLanguage;
  needs: Needs;
  idempotencyKey: string;
  requestHash: string;
  /** Where the first service's step goes in its line: a walk-in joins at the back, now. */
  place: { queueTime: number; priority: number };
  /** Runs after the visit is written and before its events, so they show what it records. */
  beforeEvents?: (visitId: number) => void;
}

/**
 * Writes a new visit inside the caller's transaction, as every ticket is made: the hub's day
 * number series, the first step waiting at `place`, the rest planned, the idempotency key,
 * and the events. A walk-in (issueVisit) and an appointment's check-in share it.
 */
export function startVisit(ctx: CommandContext, w: Writer, actor: Actor, hub: HubRecord, now: number, v: NewVisit): VisitRecord {
  const { q } = ctx;
  const day = localMoment(new Date(now), hub.timeZone).date;
  const prefix = visitPrefix(v.services);
  const number = formatNumber(prefix, q.nextNumber(hub.id, day, prefix));
  const visitId = q.insertVisit({
    hubId: hub.id,
    day,
    number,
    token: ctx.newToken(),
    language: v.language,
    needs: v.needs,
    deviceId: actor.kind === 'device' ? actor.device.id : null,
    userId: actorUserId(actor),
    arrivedAt: now,
  });
  v.services.forEach((s, i) => {
    q.insertStep(
      {
        hubId: hub.id,
        visitId,
        serviceId: s.id,
        position: i + 1,
        status: i === 0 ? 'waiting' : 'planned',
        queueTime: i === 0 ? v.place.queueTime : null,
        priority: i === 0 ? v.place.priority : 0,
        placement: i === 0 ? null : 'keep',
      },
      now,
    );
  });
  q.insertIdempotency(hub.id, v.idempotencyKey, visitId, v.requestHash, now);
  v.beforeEvents?.(visitId);
  const first = q.stepsOfVisit(visitId)[0]!;
  const visit = q.visit(visitId)!;
  emitStep(q, w, 'issued', first, null, visit);
  emitQueues(q, w, hub, now);
  emitVisit(q, w, hub, visit);
  return visit;
}
