import type { Role } from '@luukku/shared';

export interface Actor {
  role: Role;
  agencyIds: readonly number[];
}

export interface ServiceRef {
  agencyId: number;
  isGuidance: boolean;
}

/** Staff serve their own agencies' services; anyone may opt in to Guidance; admins serve all. */
export function mayServe(actor: Actor, service: ServiceRef): boolean {
  return actor.role === 'admin' || service.isGuidance || actor.agencyIds.includes(service.agencyId);
}

/** Agencies whose staff-only events (waiting lines, step changes) this actor receives. */
export function visibleAgencies(actor: Actor, guidanceAgencyIds: readonly number[]): number[] | 'all' {
  if (actor.role === 'admin') return 'all';
  return [...new Set([...actor.agencyIds, ...guidanceAgencyIds])];
}

/** A referral note is for the sending and the receiving agency, and the hub's admins. */
export function mayReadNote(actor: Actor, referral: { fromAgencyId: number; toAgencyId: number }): boolean {
  return actor.role === 'admin' || actor.agencyIds.includes(referral.fromAgencyId) || actor.agencyIds.includes(referral.toAgencyId);
}
