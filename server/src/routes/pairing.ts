import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorBody, IdParams, PairBody, PairStartBody, PairStartResponse, PairStatus, PairStatusHeaders, Device } from '@luukku/shared';
import { z } from 'zod';
import { adminChange } from '../commands/admin.js';
import { hashToken, newToken } from '../auth/secrets.js';
import { requireUser } from '../plugins/auth.js';
import { perAddress } from '../plugins/request-limits.js';
import { deviceView } from '../views/catalog.js';

const pairingMinutes = 15;
// no 0/O or 1/I: the code is read off a screen and typed in by hand
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');

/**
 * Pairing a kiosk or display: the device shows a short code, the admin types it in, and the
 * device fetches its token once with the secret only it knows.
 */
export default async function pairingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;

  r.post('/api/pairing', {
    config: { rateLimit: perAddress(app.config.pairingRateLimitPerMinute) },
    schema: { tags: ['devices'], summary: 'A new device asks for a pairing code to show on its screen', body: PairStartBody, response: { 201: PairStartResponse, 400: ErrorBody, 429: ErrorBody } },
  }, async (req, reply) => {
    const now = app.config.now().getTime();
    const secret = newToken(24);
    const expiresAt = now + pairingMinutes * 60_000;
    const { id, code } = q.transaction(() => {
      q.deleteExpiredPairings(now);
      // anyone may ask, so the table must not fill up: a hub pairs a few devices at a time
      if (q.openPairings(now) >= app.config.pairingsMax) {
        void reply.header('retry-after', String(pairingMinutes * 60));
        throw new DomainError('TOO_MANY_PAIRINGS', `${app.config.pairingsMax} devices are already waiting to be paired; try again when their codes expire`);
      }
      for (;;) {
        const code = newCode();
        if (q.pairingByCode(code, now)) continue;
        return { code, id: q.insertPairing({ code, secretHash: hashToken(secret), kind: req.body.kind, now, expiresAt }) };
      }
    });
    reply.status(201);
    return { id, code, secret, expiresAt: new Date(expiresAt).toISOString() };
  });

  r.get('/api/pairing/:id', { schema: { tags: ['devices'], summary: 'The device waits for the admin; gets its token once', params: IdParams, headers: PairStatusHeaders, response: { 200: PairStatus, 400: ErrorBody, 404: ErrorBody } } }, async (req) => {
    const pairing = q.pairing(req.params.id);
    const given = Buffer.from(hashToken(req.headers['x-pairing-secret']));
    if (!pairing || pairing.expiresAt <= app.config.now().getTime() || !timingSafeEqual(given, Buffer.from(pairing.secretHash))) {
      throw new DomainError('NOT_FOUND', 'No such pairing, or it expired; start again');
    }
    if (!pairing.deviceId || !pairing.token) return { status: 'waiting' as const };
    const device = q.device(pairing.deviceId)!;
    q.deletePairing(pairing.id);
    return { status: 'paired' as const, token: pairing.token, zone: device.zone };
  });

  r.post('/api/admin/devices/pair', { schema: { tags: ['admin'], summary: 'Pair the device showing this code; it receives its token', body: PairBody, response: { 201: z.object({ device: Device }), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req, reply) => {
    const admin = requireUser(req, ['admin']);
    const now = app.config.now().getTime();
    const pairing = q.pairingByCode(req.body.code, now);
    if (!pairing || pairing.deviceId) throw new DomainError('NOT_FOUND', `No device is showing the code ${req.body.code} (codes last ${pairingMinutes} minutes)`);
    const token = newToken(24);
    const deviceId = adminChange(app.commands, admin, 'device.pair', `pairing:${pairing.id}`, { kind: pairing.kind, name: req.body.name }, () => {
      const id = q.insertDevice(
        { hubId: admin.hubId, kind: pairing.kind, name: req.body.name, tokenHash: hashToken(token), zone: req.body.zone, printer: pairing.kind === 'kiosk' ? { kind: 'browser' } : null },
        now,
      );
      q.completePairing(pairing.id, id, token);
      return id;
    });
    reply.status(201);
    // the admin never sees the token: the device picks it up itself
    return { device: deviceView(q.device(deviceId)!) };
  });
}
