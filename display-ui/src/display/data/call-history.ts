import type { DisplaySnapshot, LocalizedText, RecentCall } from '@luukku/shared';

/** Calls kept for the screen: the one shown large plus the history beside it. */
export const historySize = 7;

/**
 * Puts a call first. An earlier call of the same number gives way — a recall, or the desk the
 * visitor was at before a referral — so the lobby never sees one number listed twice, and the
 * place a number is listed at is always where its visitor should go now.
 */
export function withCall(history: readonly RecentCall[], call: RecentCall, size = historySize): RecentCall[] {
  return [call, ...history.filter((c) => c.number !== call.number)].slice(0, size);
}

/** The snapshot lists calls newest first, recalls included; replay them oldest first. */
export function historyFromSnapshot(calls: readonly RecentCall[], size = historySize): RecentCall[] {
  return calls.reduceRight<RecentCall[]>((history, call) => withCall(history, call, size), []);
}

/**
 * Numbering restarts every day, so yesterday's K001 must not stand next to today's. Only
 * "older than today" is hidden: a call newer than `now` (which ticks once a minute) stays.
 */
export function notBeforeToday(iso: string, now: Date): boolean {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return Date.parse(iso) >= midnight;
}

export interface AgencyLine {
  id: number;
  name: LocalizedText;
  color: string;
  waiting: number;
  /** The longest of its lines' estimates: what the last person waiting for this agency faces. */
  estimateMin: number;
}

/** Waiting counts per agency, summed over its services, in the hub's agency order. */
export function agencyLines(agencies: DisplaySnapshot['agencies'], queues: DisplaySnapshot['queues']): AgencyLine[] {
  const lines: AgencyLine[] = [];
  for (const agency of agencies) {
    const own = queues.filter((q) => q.agencyId === agency.id);
    if (own.length === 0) continue;
    lines.push({
      id: agency.id,
      name: agency.name,
      color: agency.color,
      waiting: own.reduce((sum, q) => sum + q.waiting, 0),
      estimateMin: Math.max(0, ...own.filter((q) => q.waiting > 0).map((q) => q.estimateMin)),
    });
  }
  return lines;
}
