import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { EventRecord } from '@luukku/db';
import { DomainError, SyncRequest, Zone, type ClientEvents, type HubEvent, type ServerEvents } from '@luukku/shared';
import { visibleAgencies } from '../domain/access.js';
import { resolveActor, sessionCookie } from '../plugins/auth.js';
import { canReceive, roomsFor, roomsOf, type SocketAudience } from './audience.js';

interface SocketData {
  audience: SocketAudience;
}
type LuukkuServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
type LuukkuSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

const Handshake = z.object({
  token: z.string().min(1).max(200).optional(),
  visit: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  zone: z.union([z.literal('all'), Zone]).optional(),
});

/** A client that missed more than this reloads its snapshot instead of replaying. */
export const maxReplay = 1000;

export const toWire = (e: EventRecord): HubEvent =>
  ({ seq: e.seq, type: e.type, at: new Date(e.at).toISOString(), data: e.data }) as HubEvent;

function audienceOf(app: FastifyInstance, socket: LuukkuSocket): SocketAudience {
  const parsed = Handshake.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'Bad handshake: ' + z.prettifyError(parsed.error));
  const auth = parsed.data;
  if (auth.visit) {
    const visit = app.q.visitByToken(auth.visit);
    if (!visit) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
    return { kind: 'visit', hubId: visit.hubId, visitId: visit.id };
  }
  const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
  const actor = resolveActor(app, auth.token, auth.token ? undefined : cookies[sessionCookie]);
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Send a device token or log in');
  if (actor.kind === 'device') {
    if (actor.device.kind === 'kiosk') return { kind: 'kiosk', hubId: actor.hubId };
    const zone = auth.zone === undefined ? actor.device.zone : auth.zone === 'all' ? null : auth.zone;
    return { kind: 'display', hubId: actor.hubId, zone };
  }
  const guidance = app.q.agencies(actor.hubId).filter((a) => a.isGuidance).map((a) => a.id);
  return { kind: 'staff', hubId: actor.hubId, agencies: visibleAgencies(actor.user, guidance) };
}

/**
 * Socket.io on the app's own HTTP server. Events are broadcast after commit to rooms derived
 * from the same audience rule that filters `sync`, so live and replayed streams agree.
 */
export function attachRealtime(app: FastifyInstance): LuukkuServer {
  const io: LuukkuServer = new Server(app.server, { serveClient: false, connectionStateRecovery: undefined });

  io.use((socket, next) => {
    try {
      socket.data.audience = audienceOf(app, socket);
      next();
    } catch (err) {
      const e = err instanceof DomainError ? err : new DomainError('INTERNAL', 'Handshake failed');
      next(Object.assign(new Error(e.message), { data: { code: e.code } }));
    }
  });

  io.on('connection', (socket) => {
    const audience = socket.data.audience;
    void socket.join(roomsOf(audience));
    socket.on('sync', (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = SyncRequest.safeParse(request);
      if (!parsed.success) {
        ack({ error: { code: 'VALIDATION_FAILED', message: 'sync needs { since: a whole number ≥ 0 }' } });
        return;
      }
      const seq = app.q.lastSeq(audience.hubId);
      const missed = app.q.eventsSince(audience.hubId, parsed.data.since, maxReplay + 1);
      if (missed.length > maxReplay) {
        ack({ data: { events: [], seq, reset: true } });
        return;
      }
      ack({ data: { events: missed.filter((e) => canReceive(audience, e)).map(toWire), seq, reset: false } });
    });
  });

  app.onEvents((events) => {
    for (const e of events) {
      const rooms = roomsFor(e.hubId, e);
      if (rooms.length === 0) continue;
      const wire = toWire(e);
      io.to(rooms).emit(wire.type, wire as never);
    }
  });

  // close sockets before Fastify closes the HTTP server, or close() waits on them forever
  app.addHook('preClose', async () => {
    await io.close();
  });
  return io;
}
