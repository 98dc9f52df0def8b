import type { Db } from '../open.js';

export type FeedbackAnswer = 'yes' | 'partly' | 'no';
export type FeedbackSource = 'phone' | 'tablet';

/** A visit's path as an answer keeps it: which agencies, in which order, referred, Guidance. */
export interface FeedbackPath {
  /** Sorted agency ids of the desks that called the visit. */
  agencies: number[];
  /** The same agencies in the order the visit met them (consecutive repeats once). */
  route: number[];
  referred: boolean;
  guidance: boolean;
  guidanceFirst: boolean;
}

export interface FeedbackRow {
  answer: FeedbackAnswer;
  /** null: a tablet answer without a ticket. */
  path: FeedbackPath | null;
  n: number;
}

/** One answer as it is stored: counted into its day's row, without the visit. */
export interface FeedbackEntry {
  hubId: number;
  day: string;
  answer: FeedbackAnswer;
  source: FeedbackSource;
  path: FeedbackPath | null;
}

export interface FeedbackScope {
  hubId: number;
  from: string;
  to: string;
  agencyIds: readonly number[] | null;
}

interface StoredRow {
  answer: FeedbackAnswer;
  path_known: number;
  agencies: string;
  route: string;
  referred: number;
  guidance: number;
  guidance_first: number;
  n: number;
}

/**
 * The end-of-visit question (issue 11 §3). Answers are counted per day and path; the visit
 * keeps only a mark that it has answered, so that it answers once.
 */
export function feedbackQueries(db: Db) {
  const mark = db.prepare<[number]>(/* sql */ `UPDATE visits SET feedback_given = 1 WHERE id = ? AND feedback_given = 0`);
  const given = db.prepare<[number], { feedback_given: number }>(/* sql */ `SELECT feedback_given FROM visits WHERE id = ?`);
  // the steps a desk called, in the visit's order, with their agency and whether it is Guidance
  const pathSteps = db.prepare<[number], { position: number; agency_id: number; is_guidance: number; called: number }>(/* sql */ `
    SELECT s.position, sv.agency_id, sv.is_guidance, s.called_at IS NOT NULL AS called
    FROM steps s JOIN services sv ON sv.id = s.service_id
    WHERE s.visit_id = ? ORDER BY s.position`);
  const referrals = db.prepare<[number], { n: number }>(/* sql */ `SELECT count(*) AS n FROM referrals WHERE visit_id = ?`);
  const add = db.prepare(/* sql */ `
    INSERT INTO feedback (hub_id, day, answer, source, path_known, agencies, route, referred, guidance, guidance_first, n)
    VALUES (@hubId, @day, @answer, @source, @pathKnown, @agencies, @route, @referred, @guidance, @guidanceFirst, 1)
    ON CONFLICT DO UPDATE SET n = n + 1`);
  // answers of the period whose path reached the scope's agencies; unknown paths only hub-wide
  const report = db.prepare<{ hubId: number; from: string; to: string; agencies: string | null }, StoredRow>(/* sql */ `
    SELECT answer, path_known, agencies, route, referred, guidance, guidance_first, sum(n) AS n
    FROM feedback f
    WHERE f.hub_id = @hubId AND f.day BETWEEN @from AND @to
      AND (@agencies IS NULL OR EXISTS (
        SELECT 1 FROM json_each(f.agencies) a WHERE a.value IN (SELECT value FROM json_each(@agencies))))
    GROUP BY answer, path_known, agencies, route, referred, guidance, guidance_first`);

  return {
    /** Marks the visit as having answered; false when it already had. */
    markFeedbackGiven: (visitId: number): boolean => mark.run(visitId).changes === 1,
    feedbackGiven: (visitId: number): boolean => given.get(visitId)?.feedback_given === 1,
    /** The visit's steps as its path is made of them. */
    feedbackPathSteps: (visitId: number) =>
      pathSteps.all(visitId).map((r) => ({ position: r.position, agencyId: r.agency_id, isGuidance: r.is_guidance === 1, called: r.called === 1 })),
    visitReferrals: (visitId: number): number => referrals.get(visitId)!.n,
    addFeedback: (e: FeedbackEntry): void => {
      const p = e.path;
      add.run({
        hubId: e.hubId,
        day: e.day,
        answer: e.answer,
        source: e.source,
        pathKnown: p ? 1 : 0,
        agencies: JSON.stringify(p ? [...p.agencies].sort((a, b) => a - b) : []),
        route: JSON.stringify(p ? p.route : []),
        referred: p?.referred ? 1 : 0,
        guidance: p?.guidance ? 1 : 0,
        guidanceFirst: p?.guidanceFirst ? 1 : 0,
      });
    },
    /** The period's answers by answer and path, phone and tablet together. */
    reportFeedback: (s: FeedbackScope): FeedbackRow[] =>
      report.all({ hubId: s.hubId, from: s.from, to: s.to, agencies: s.agencyIds === null ? null : JSON.stringify(s.agencyIds) }).map((r) => ({
        answer: r.answer,
        n: r.n,
        path: r.path_known === 1
          ? { agencies: JSON.parse(r.agencies), route: JSON.parse(r.route), referred: r.referred === 1, guidance: r.guidance === 1, guidanceFirst: r.guidance_first === 1 }
          : null,
      })),
  };
}
