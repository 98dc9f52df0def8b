import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { EventRecord, UserRecord } from '@luukku/db';
import { DomainError, SyncRequest, Zone, type ClientEvents, type HubEvent, type ServerEvents } from '@luukku/shared';
import { deskServesGuidance, visibleAgencies } from '../domain/access.js';
import { deskOf } from '../commands/load.js';
import { assertVisitCurrent, visitExpired } from '../domain/visit-day.js';
import { resolveActor, sessionCookie, userInHub } from '../plugins/auth.js';
import { hashToken } from '../auth/secrets.js';
import { socketOriginCheck } from '../plugins/csrf.js';
import { canReceive, roomsFor, roomsOf, userRoom, type SocketAudience } from './audience.js';
import { ConnectionsPerAddress, limitSync, syncLimits } from './limits.js';
import { replayCandidates } from './replay.js';

interface SocketData {
  audience: SocketAudience;
  /** What the socket was let in with, so revoking it or logging out cuts the socket too. */
  credential: { deviceId: number } | { sessionHash: string } | { visitId: number };
  /** For a staff socket: when its session could end at the earliest, so the sweep asks only then. */
  checkAt?: number;
}

export interface Realtime {
  /** Disconnects every socket that was let in with this device or staff session. */
  kick: (credential: { deviceId: number } | { sessionHash: string }) => void;
  /** Disconnects every socket of this staff member (their account changed: rule 8). */
  kickUser: (userId: number) => void;
  /** Recomputes the rooms of this staff member's sockets, e.g. after their desk opened or closed. */
  refreshUser: (userId: number) => void;
  /** Sockets connected now, by hub and kind (for /metrics). */
  countSockets: () => { hubId: number; kind: SocketAudience['kind']; count: number }[];
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

const credentialRoom = (c: SocketData['credential']): string =>
  'deviceId' in c ? `cred:device:${c.deviceId}` : 'sessionHash' in c ? `cred:session:${c.sessionHash}` : `cred:visit:${c.visitId}`;
type LuukkuServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
type LuukkuSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

const Handshake = z.object({
  token: z.string().min(1).max(200).optional(),
  visit: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  zone: z.union([z.literal('all'), Zone]).optional(),
});

/** How long a request under way at shutdown may take to finish before its connection is cut. */
const shutdownGraceMs = 2000;

/** A client that missed more than this reloads its snapshot instead of replaying. */
export const maxReplay = 1000;

export const toWire = (e: EventRecord): HubEvent =>
  ({ seq: e.seq, type: e.type, at: new Date(e.at).toISOString(), data: e.data }) as HubEvent;

function admit(app: FastifyInstance, socket: LuukkuSocket): SocketData {
  const parsed = Handshake.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'Bad handshake: ' + z.prettifyError(parsed.error));
  const auth = parsed.data;
  if (auth.visit) {
    const visit = app.q.visitByToken(auth.visit);
    if (!visit) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
    assertVisitCurrent(visit, app.config.now(), app.q.hub(visit.hubId)!.timeZone);
    return { audience: { kind: 'visit', hubId: visit.hubId, visitId: visit.id }, credential: { visitId: visit.id } };
  }
  const session = auth.token ? undefined : app.parseCookie(socket.handshake.headers.cookie ?? '')[sessionCookie];
  const actor = resolveActor(app, auth.token, session);
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Send a device token or log in');
  if (actor.kind === 'device') {
    const credential = { deviceId: actor.device.id };
    if (actor.device.kind === 'kiosk') return { audience: { kind: 'kiosk', hubId: actor.hubId }, credential };
    // a feedback tablet or a booking system has nothing to hear live
    if (actor.device.kind !== 'display') throw new DomainError('FORBIDDEN', `A ${actor.device.kind} device has no live channel`);
    const zone = auth.zone === undefined ? actor.device.zone : auth.zone === 'all' ? null : auth.zone;
    return { audience: { kind: 'display', hubId: actor.hubId, zone }, credential };
  }
  return { audience: staffAudience(app, actor.user), credential: { sessionHash: hashToken(session!) } };
}

/** What a staff member hears now: their agencies, and Guidance steps while their desk is open for Guidance. */
function staffAudience(app: FastifyInstance, user: UserRecord): SocketAudience {
  const guidance = app.q.services(user.hubId).filter((s) => s.isGuidance);
  const desk = deskOf(app.q, user);
  const guidanceDesk = deskServesGuidance(desk, guidance.map((s) => s.id)) ? [...new Set(guidance.map((s) => s.agencyId))] : [];
  return { kind: 'staff', hubId: user.hubId, userId: user.id, agencies: visibleAgencies(user), guidanceDesk };
}

/** Whether what let the socket in still holds: a revoked device, ended session or past day's visit is cut off. */
function stillValid(app: FastifyInstance, c: SocketData['credential']): boolean {
  if ('deviceId' in c) return app.q.device(c.deviceId)?.revokedAt === null;
  if ('sessionHash' in c) {
    const userId = app.q.sessionUserId(c.sessionHash, app.config.now().getTime());
    return userId !== undefined && app.q.user(userId)?.active === true;
  }
  const visit = app.q.visit(c.visitId);
  return visit !== undefined && !visitExpired(visit, app.config.now(), app.q.hub(visit.hubId)!.timeZone);
}

/**
 * Socket.io on the app's own HTTP server. Events are broadcast after commit to rooms derived
 * from the same audience rule that filters `sync`, so live and replayed streams agree.
 */
export function attachRealtime(app: FastifyInstance): LuukkuServer {
  const io: LuukkuServer = new Server(app.server, { serveClient: false, connectionStateRecovery: undefined, allowRequest: socketOriginCheck(app.config) });

  const connections = new ConnectionsPerAddress(app.config.socketsPerAddress);
  connections.watch(io);
  const limits = syncLimits(app.config.socketSyncsPerSecond);

  io.use((socket, next) => {
    try {
      if (!connections.admits(socket.handshake.address)) throw new DomainError('RATE_LIMITED', 'Too many connections from this address');
      Object.assign(socket.data, admit(app, socket));
      next();
    } catch (err) {
      const e = err instanceof DomainError ? err : new DomainError('INTERNAL', 'Handshake failed');
      next(Object.assign(new Error(e.message), { data: { code: e.code } }));
    }
  });

  io.on('connection', (socket) => {
    void socket.join([...roomsOf(socket.data.audience), credentialRoom(socket.data.credential)]);
    socket.on('sync', limitSync(socket, limits, (request, ack) => {
      if (!stillValid(app, socket.data.credential)) {
        ack({ error: { code: 'UNAUTHENTICATED', message: 'The device was revoked or the session ended' } });
        socket.disconnect(true);
        return;
      }
      const audience = socket.data.audience;
      const parsed = SyncRequest.safeParse(request);
      if (!parsed.success) {
        ack({ error: { code: 'VALIDATION_FAILED', message: 'sync needs { since: a whole number ≥ 0 }' } });
        return;
      }
      const seq = app.q.lastSeq(audience.hubId);
      const { events: missed, overflow } = replayCandidates(app.q, audience, parsed.data.since, maxReplay);
      // seqs have no gaps, so a full replay whose first event comes after `since + 1` means the
      // ones between were pruned (phones and kiosks replay a filtered stream and need no check)
      const fullReplay = audience.kind === 'staff' || audience.kind === 'display';
      const pruned = fullReplay && parsed.data.since < seq && missed[0]?.seq !== parsed.data.since + 1;
      if (overflow || pruned) {
        ack({ data: { events: [], seq, reset: true } });
        return;
      }
      ack({ data: { events: missed.filter((e) => canReceive(audience, e)).map(toWire), seq, reset: false } });
    }));
  });

  app.decorate('realtime', {
    kick: (credential: { deviceId: number } | { sessionHash: string }) => {
      io.in(credentialRoom(credential)).disconnectSockets(true);
    },
    kickUser: (userId: number) => {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    refreshUser: (userId: number) => {
      const user = app.q.user(userId);
      // only this user's sockets, found through their room: no walk over every socket in the server
      const ids = io.of('/').adapter.rooms.get(userRoom(userId)) ?? new Set<string>();
      for (const id of [...ids]) {
        const socket = io.of('/').sockets.get(id);
        if (!socket || !user || socket.data.audience.kind !== 'staff' || socket.data.audience.userId !== userId) continue;
        // recomputed in the hub the socket is in, not the user's home hub
        const audience = staffAudience(app, userInHub(app.q, user, socket.data.audience.hubId));
        const after = new Set(roomsOf(audience));
        for (const room of roomsOf(socket.data.audience)) if (!after.has(room)) void socket.leave(room);
        void socket.join([...after]);
        socket.data.audience = audience;
      }
    },
    countSockets: () => {
      const counts = new Map<string, { hubId: number; kind: SocketAudience['kind']; count: number }>();
      for (const socket of io.of('/').sockets.values()) {
        const { hubId, kind } = socket.data.audience;
        const entry = counts.get(`${hubId}:${kind}`) ?? { hubId, kind, count: 0 };
        entry.count++;
        counts.set(`${hubId}:${kind}`, entry);
      }
      return [...counts.values()];
    },
  });

  app.onEvents((events) => {
    for (const e of events) {
      const rooms = roomsFor(e.hubId, e);
      if (rooms.length === 0) continue;
      const wire = toWire(e);
      io.to(rooms).emit(wire.type, wire as never);
    }
  });

  // A session that expires (or idles out) cuts its sockets too, not only its next request.
  // A session ends at its absolute limit or when idle; the sweep looks a socket's session up only
  // once that moment has come (requests may have moved it on), so a second's sweep over thousands
  // of consoles is a comparison each. Logout and account changes cut sockets at once (kick).
  const sweep = setInterval(() => {
    const now = app.config.now().getTime();
    for (const socket of io.of('/').sockets.values()) {
      const c = socket.data.credential;
      if (!c || !('sessionHash' in c) || now < (socket.data.checkAt ?? 0)) continue;
      const session = app.q.activeSession(c.sessionHash, now);
      if (session) socket.data.checkAt = session.endsAt;
      else socket.disconnect(true);
    }
  }, app.config.socketSweepMs);
  sweep.unref();

  // close sockets before Fastify closes the HTTP server, or close() waits on them forever.
  // io.close() also closes the HTTP server, which waits for every connection with a request
  // under way — a client that stalled half-way through its headers held it for a minute: such
  // connections get a moment to finish, and are then cut
  app.addHook('preClose', async () => {
    clearInterval(sweep);
    const closed = io.close();
    app.server.closeIdleConnections();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), shutdownGraceMs)));
    if ((await Promise.race([closed, grace])) === 'late') {
      app.log.warn({ graceMs: shutdownGraceMs }, 'connections still busy at shutdown: cut');
      app.server.closeAllConnections();
      await closed;
    }
    clearTimeout(timer);
  });
  return io;
}
