import { createHash } from 'node:crypto';
import type { ServiceRecord } from '@luukku/db';
import { DomainError, isOpenAt, localMoment, type IssueVisitBody } from '@luukku/shared';
import { formatNumber, visitPrefix } from '../domain/numbering.js';
import { actorUserId, write, type Actor, type CommandContext } from './context.js';
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
    const day = localMoment(new Date(now), hub.timeZone).date;
    const prefix = visitPrefix(services);
    const number = formatNumber(prefix, q.nextNumber(hub.id, day, prefix));
    const visitId = q.insertVisit({
      hubId: hub.id,
      day,
      number,
      token: ctx.newToken(),
      language: body.language,
      needs: body.needs,
      deviceId: actor.kind === 'device' ? actor.device.id : null,
      userId: actorUserId(actor),
      arrivedAt: now,
    });
    services.forEach((s, i) => {
      q.insertStep(
        {
          hubId: hub.id,
          visitId,
          serviceId: s.id,
          position: i + 1,
          status: i === 0 ? 'waiting' : 'planned',
          queueTime: i === 0 ? now : null,
          priority: 0,
          placement: i === 0 ? null : 'keep',
        },
        now,
      );
    });
    q.insertIdempotency(hub.id, body.idempotencyKey, visitId, hash, now);
    const first = q.stepsOfVisit(visitId)[0]!;
    const visit = q.visit(visitId)!;
    emitStep(q, w, 'issued', first, null, visit);
    emitQueues(q, w, hub, now);
    emitVisit(q, w, hub, visit);
    return { visitId, replayed: false };
  });
}
