import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';
import { decryptMessage, startPushService, verifyVapid, type BrowserSubscription, type PushService } from '../support/push-service.js';
import { as, expectOk, issue, phonePage, sid } from './helpers.js';

let svc: PushService;
let hub: TestHub | undefined;
beforeAll(async () => {
  svc = await startPushService();
});
afterAll(async () => {
  await svc.close();
});
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

/** What the push service received for this subscription, decrypted as the browser would. */
async function messagesFor(h: TestHub, s: BrowserSubscription): Promise<any[]> {
  await h.app.push.idle();
  const serverKey = expectOk(await h.call('GET', '/api/push/key')).publicKey;
  return svc.received.filter((r) => r.id === s.id).map((r) => (verifyVapid(r, serverKey, svc.origin), decryptMessage(r, s)));
}

describe('a push nudge when an early appointment comes due', () => {
  it('nudges the appointment visitor "2 ahead" at its moment, with no command, in their language', async () => {
    const h = (hub = await startHub({ config: { pushHosts: ['127.0.0.1'], pushAgent: svc.agent } }));
    const kela = await as(h, 'kela');
    const checkIn = async (startsAt: string, language?: string) => {
      const { appointment } = expectOk(await h.call('POST', '/api/appointments', kela, { serviceId: sid(h, 'kela'), startsAt, lengthMin: 20 }), 201);
      return expectOk(await h.call('POST', '/api/appointments/check-in', kiosk, { code: appointment.code, idempotencyKey: key(), ...(language ? { language } : {}) }), 201);
    };
    // at 10:00 two appointments are due already (from 9:55 and 9:58), four walk-ins wait
    await checkIn('2026-11-24T10:05:00+02:00');
    await checkIn('2026-11-24T10:08:00+02:00');
    for (let i = 0; i < 4; i++) await issue(h, ['kela']);
    // the 11:00 appointment checked in early waits behind all six until 10:50
    const early = await checkIn('2026-11-24T11:00:00+02:00', 'en');
    expect((await phonePage(h, early.token)).current.peopleAhead).toBe(6);
    const phone = svc.subscribe();
    expectOk(await h.call('POST', `/api/visits/${early.token}/push`, null, phone.json), 201);

    h.clock.set('2026-11-24T10:49:59.999+02:00');
    h.app.dueSteps.run();
    expect(await messagesFor(h, phone)).toEqual([]);

    h.clock.set('2026-11-24T10:50:00+02:00');
    h.app.dueSteps.run();
    expect((await phonePage(h, early.token)).current.peopleAhead).toBe(2);
    expect(await messagesFor(h, phone)).toEqual([
      { title: `Queue number ${early.number}`, body: 'People ahead of you: 2', lang: 'en-GB', dir: 'ltr', kind: 'ahead', tag: `luukku-${early.number}`, url: `/v/${early.token}` },
    ]);
  });
});
