import type { Db } from '../open.js';

/** A phone's Web Push subscription for one visit. The endpoint is a secret: never log it. */
export interface PushSubscriptionRecord {
  id: number;
  visitId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  language: string;
  createdAt: number;
}

export type NudgeKind = 'ahead' | 'called' | 'referred';

interface Row {
  id: number;
  visit_id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  language: string;
  created_at: number;
}

const toSubscription = (r: Row): PushSubscriptionRecord => ({
  id: r.id,
  visitId: r.visit_id,
  endpoint: r.endpoint,
  p256dh: r.p256dh,
  auth: r.auth,
  language: r.language,
  createdAt: r.created_at,
});

/** Subscriptions of the phone page's nudges, and which nudges each visit has had. */
export function pushQueries(db: Db) {
  const upsert = db.prepare(/* sql */ `
    INSERT INTO push_subscriptions (visit_id, endpoint, p256dh, auth, language, created_at)
    VALUES (@visitId, @endpoint, @p256dh, @auth, @language, @now)
    ON CONFLICT (visit_id, endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, language = excluded.language`);
  const exists = db.prepare<{ visitId: number; endpoint: string }, { id: number }>(/* sql */ `
    SELECT id FROM push_subscriptions WHERE visit_id = @visitId AND endpoint = @endpoint`);
  const count = db.prepare<[number], { n: number }>(/* sql */ `SELECT count(*) AS n FROM push_subscriptions WHERE visit_id = ?`);
  const ofVisit = db.prepare<[number], Row>(/* sql */ `SELECT * FROM push_subscriptions WHERE visit_id = ? ORDER BY id`);
  const deleteOne = db.prepare(/* sql */ `DELETE FROM push_subscriptions WHERE visit_id = @visitId AND endpoint = @endpoint`);
  const deleteById = db.prepare(/* sql */ `DELETE FROM push_subscriptions WHERE id = ?`);
  const deleteOfVisit = db.prepare(/* sql */ `DELETE FROM push_subscriptions WHERE visit_id = ?`);
  const deleteNudges = db.prepare(/* sql */ `DELETE FROM push_nudges WHERE visit_id = ?`);
  // only visits that have a subscription are looked at: a busy line of unsubscribed visitors costs nothing
  const subscribedWaiting = db.prepare<{ services: string }, { id: number }>(/* sql */ `
    SELECT s.id FROM steps s
    WHERE s.status = 'waiting' AND s.service_id IN (SELECT value FROM json_each(@services))
      AND s.visit_id IN (SELECT visit_id FROM push_subscriptions)`);
  const nudge = db.prepare(/* sql */ `
    INSERT INTO push_nudges (visit_id, step_id, kind, at) VALUES (@visitId, @stepId, @kind, @now) ON CONFLICT DO NOTHING`);
  const unnudge = db.prepare(/* sql */ `DELETE FROM push_nudges WHERE visit_id = @visitId AND step_id = @stepId AND kind = @kind`);
  const deleteEnded = db.prepare(/* sql */ `
    DELETE FROM push_subscriptions WHERE visit_id IN (SELECT id FROM visits WHERE status != 'active')`);
  const deleteEndedNudges = db.prepare(/* sql */ `
    DELETE FROM push_nudges WHERE visit_id IN (SELECT id FROM visits WHERE status != 'active')`);

  return {
    /** Adds or renews a subscription; returns whether it was new. */
    putPushSubscription: (s: Omit<PushSubscriptionRecord, 'id' | 'createdAt'>, now: number): boolean => {
      const known = exists.get({ visitId: s.visitId, endpoint: s.endpoint }) !== undefined;
      upsert.run({ ...s, now });
      return !known;
    },
    hasPushSubscription: (visitId: number, endpoint: string): boolean => exists.get({ visitId, endpoint }) !== undefined,
    pushSubscriptionCount: (visitId: number): number => count.get(visitId)!.n,
    pushSubscriptionsOfVisit: (visitId: number): PushSubscriptionRecord[] => ofVisit.all(visitId).map(toSubscription),
    /** Turns one phone's nudges off, or (without an endpoint) every phone's. Returns how many went. */
    deletePushSubscription: (visitId: number, endpoint?: string): number =>
      endpoint === undefined ? deleteOfVisit.run(visitId).changes : deleteOne.run({ visitId, endpoint }).changes,
    /** The push service said the subscription is gone (404/410). */
    deletePushSubscriptionById: (id: number): void => {
      deleteById.run(id);
    },
    /** The visit ended: its subscriptions and nudge markers go. */
    deleteVisitPush: (visitId: number): void => {
      deleteOfVisit.run(visitId);
      deleteNudges.run(visitId);
    },
    /** Ids of waiting steps in these lines whose visit has a subscription. */
    subscribedWaitingSteps: (serviceIds: readonly number[]): number[] =>
      serviceIds.length === 0 ? [] : subscribedWaiting.all({ services: JSON.stringify(serviceIds) }).map((r) => r.id),
    /** Records a nudge; false when this one was already sent (so it is not sent twice). */
    markNudged: (visitId: number, stepId: number, kind: NudgeKind, now: number): boolean =>
      nudge.run({ visitId, stepId, kind, now }).changes === 1,
    /** Lets a nudge go again (a visitor returned to the line is called anew). */
    clearNudge: (visitId: number, stepId: number, kind: NudgeKind): void => {
      unnudge.run({ visitId, stepId, kind });
    },
    /** What a missed end of visit left behind (e.g. the server stopped between commit and cleanup). */
    deletePushSubscriptionsOfEndedVisits: (): number => {
      deleteEndedNudges.run();
      return deleteEnded.run().changes;
    },
  };
}
