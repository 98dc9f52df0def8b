/**
 * Who may read and act on what: the table of docs/security.md §1, and the only place it is
 * decided. Pure functions over plain data; commands, views and the realtime audience call them.
 *
 * The law is rule 7 of DESIGN.md, "reading follows serving": staff read a visit while their
 * desk holds it or while it waits in a line of their own agency, they see their own agency's
 * steps always, a note is read only by the one agency it is addressed to, and only the desk
 * that holds a called or serving step acts on it (an admin may take it over, audited).
 */
import type { DeskStatus, Role, StepStatus } from '@luukku/shared';

export interface Actor {
  id: number;
  role: Role;
  agencyIds: readonly number[];
}

export interface ServiceRef {
  id: number;
  agencyId: number;
  isGuidance: boolean;
}

/** The actor's own desk as it stands now (a user works at one desk at a time). */
export interface DeskRef {
  status: DeskStatus;
  serviceIds: readonly number[];
}

export interface StepRef {
  status: StepStatus;
  /** The user who called the step (the holder while it is called or serving). */
  userId: number | null;
  service: ServiceRef;
}

export type StepAction = 'recall' | 'start' | 'finish' | 'no-show' | 'return' | 'cancel' | 'refer';

/**
 * Hubs (issue 12 §1): a region admin passes every admin check in any hub; an admin is an admin
 * of the hubs they are assigned to. Every query is scoped by the hub the session is in, and only
 * assigned hubs can be entered (mayEnterHub), so "admin" here always means "admin of this hub".
 */
export const isAdminRole = (role: Role): boolean => role === 'admin' || role === 'region_admin';

/** A route that needs one of these roles: a region admin stands in for an admin. */
export function hasRole(role: Role, required: readonly Role[]): boolean {
  return required.includes(role) || (role === 'region_admin' && required.includes('admin'));
}

/** Which hubs a session may be in: the user's assigned hubs; any hub for a region admin. */
export function mayEnterHub(user: { role: Role; hubIds: readonly number[] }, hubId: number): boolean {
  return user.role === 'region_admin' || user.hubIds.includes(hubId);
}

/** Only a region admin makes someone a region admin, or changes a region admin's account. */
export function mayGrantRole(actorRole: Role, targetRoleBefore: Role, targetRoleAfter: Role): boolean {
  if (actorRole === 'region_admin') return true;
  return targetRoleBefore !== 'region_admin' && targetRoleAfter !== 'region_admin';
}

const isAdmin = (a: Actor): boolean => isAdminRole(a.role);

/**
 * A visit by its token: the token is the phone page's only credential, so anyone without one
 * reads it; a device or staff member is always in a hub, and reads only that hub's visits.
 */
export function mayReadVisitByToken(callerHubId: number | null, visitHubId: number): boolean {
  return callerHubId === null || callerHubId === visitHubId;
}
const ofAgency = (a: Actor, agencyId: number): boolean => a.agencyIds.includes(agencyId);
const isHeldStatus = (s: StepStatus): boolean => s === 'called' || s === 'serving';

/**
 * The services this actor may open a desk for and call from: their own agencies' services, the
 * Guidance line (hub policy: any staff may opt in), all for an admin. Checked on every call, so
 * a desk opened under agencies the user has since lost stops working.
 */
export function mayServe(actor: Actor, service: Pick<ServiceRef, 'agencyId' | 'isGuidance'>): boolean {
  return isAdmin(actor) || service.isGuidance || ofAgency(actor, service.agencyId);
}

/** A desk counts as open for a line while it is open or on a break with that service. */
export function deskServes(desk: DeskRef | null, serviceId: number): boolean {
  return desk !== null && desk.status !== 'closed' && desk.serviceIds.includes(serviceId);
}

/** Whether the actor's desk is open for any Guidance line (so they hear Guidance steps). */
export function deskServesGuidance(desk: DeskRef | null, guidanceServiceIds: readonly number[]): boolean {
  return guidanceServiceIds.some((id) => deskServes(desk, id));
}

/**
 * Read a line's entries (who waits, language, needs): staff of the line's agency (guides for
 * Guidance), staff whose own desk is open for the line, admins.
 */
export function mayReadLine(actor: Actor, service: ServiceRef, desk: DeskRef | null): boolean {
  return isAdmin(actor) || ofAgency(actor, service.agencyId) || deskServes(desk, service.id);
}

/** The actor holds the step: it is called or serving, called by them (or taken over by them). */
export function holds(actor: Actor, step: StepRef): boolean {
  return isHeldStatus(step.status) && step.userId === actor.id;
}

/**
 * Read a visit (its needs, language and steps): while the actor holds one of its steps, while
 * one waits in a line they may read, while it has a step of their own agency; admins always.
 */
export function mayReadVisit(actor: Actor, steps: readonly StepRef[], desk: DeskRef | null): boolean {
  if (isAdmin(actor)) return true;
  return steps.some(
    (s) => holds(actor, s) || ofAgency(actor, s.service.agencyId) || (s.status === 'waiting' && mayReadLine(actor, s.service, desk)),
  );
}

/**
 * A step of a visit the actor reads, in full (desk, who, times, referral reason) or by agency,
 * service and status only: full for their own agency's steps, steps they called, and admins.
 */
export function maySeeStepDetail(actor: Actor, step: StepRef): boolean {
  return isAdmin(actor) || ofAgency(actor, step.service.agencyId) || step.userId === actor.id;
}

/**
 * A note: its writer, staff of the one agency it is addressed to, and whoever holds a step of
 * that agency in the visit (an admin after a take-over, or staff serving the Guidance line).
 */
export function mayReadNote(
  actor: Actor,
  note: { forAgencyId: number | null; byUserId: number | null },
  visitSteps: readonly StepRef[],
): boolean {
  if (note.forAgencyId === null) return false;
  if (note.byUserId === actor.id) return true;
  if (!isAdmin(actor) && ofAgency(actor, note.forAgencyId)) return true;
  return visitSteps.some((s) => holds(actor, s) && s.service.agencyId === note.forAgencyId);
}

/**
 * Acting on a step that is not being called: only the holder acts on a called or serving step.
 * Cancelling a waiting step ("the visitor left"): staff of its line's agency or with a desk open
 * for it, or an admin (no desk holds it). Dropping a planned step: the holder of the visit's
 * active step, the planned step's agency, or an admin. Anything else on a step nobody holds is
 * for those who may read its line; the transition rules then say whether it is possible.
 */
export function mayAct(actor: Actor, action: StepAction, step: StepRef, ctx: { desk: DeskRef | null; activeStep: StepRef | null }): boolean {
  if (isHeldStatus(step.status)) return holds(actor, step);
  if (step.status === 'planned') {
    return isAdmin(actor) || ofAgency(actor, step.service.agencyId) || (action === 'cancel' && ctx.activeStep !== null && holds(actor, ctx.activeStep));
  }
  return mayReadLine(actor, step.service, ctx.desk) || step.userId === actor.id;
}

/** Calling a chosen waiting visitor: the caller serves the line (their desk is checked apart). */
export function mayCall(actor: Actor, step: StepRef): boolean {
  return mayServe(actor, step.service);
}

/** Services on the desk that the user's current agencies no longer allow (a stale desk). */
export function staleServices<S extends Pick<ServiceRef, 'agencyId' | 'isGuidance'>>(actor: Actor, deskServices: readonly S[]): S[] {
  return deskServices.filter((s) => !mayServe(actor, s));
}

/** Only an admin takes over a step another desk holds, and only a called or serving one. */
export function mayTakeOver(actor: Actor): boolean {
  return isAdmin(actor);
}

/**
 * Who receives a `step` event, as data for the realtime audience: staff of the step's agency
 * (guides, for Guidance), the user holding or having called it, and, for a Guidance step,
 * staff whose desk is open for Guidance. Never other agencies.
 */
export function stepAudience(step: StepRef): { agencyIds: number[]; userId: number | null; guidance: boolean } {
  return { agencyIds: [step.service.agencyId], userId: step.userId, guidance: step.service.isGuidance };
}

/** Agencies whose staff-only events this actor's socket receives: their own; all for an admin. */
export function visibleAgencies(actor: Actor): number[] | 'all' {
  return isAdmin(actor) ? 'all' : [...actor.agencyIds];
}

export interface RosterDays {
  hubId: number;
  /** ISO weekdays; null is any day. */
  weekdays: readonly number[] | null;
}

const sameDays = (a: RosterDays['weekdays'], b: RosterDays['weekdays']): boolean =>
  a === null || b === null ? a === b : [...a].sort().join() === [...b].sort().join();

/**
 * A roster edit (issue 12 §1): a region admin sets any hubs; a hub admin adds, changes or removes
 * only entries of hubs they may enter, and the person's entries of other hubs stay as they were
 * (sent back unchanged is fine; changed is refused). The editor's hubs first, in their order, so
 * the first entry is where a home hub moves when its own entry goes. At least one hub remains.
 */
export function rosterAfterEdit(
  editor: { role: Role; hubIds: readonly number[] },
  before: readonly RosterDays[],
  wanted: readonly RosterDays[],
): { ok: true; roster: RosterDays[] } | { ok: false; reason: 'forbidden' | 'empty' } {
  const mine = (hubId: number) => mayEnterHub(editor, hubId);
  for (const w of wanted) {
    if (mine(w.hubId)) continue;
    const kept = before.find((b) => b.hubId === w.hubId);
    if (!kept || !sameDays(kept.weekdays, w.weekdays)) return { ok: false, reason: 'forbidden' };
  }
  const roster = [...wanted.filter((w) => mine(w.hubId)), ...before.filter((b) => !mine(b.hubId))];
  return roster.length === 0 ? { ok: false, reason: 'empty' } : { ok: true, roster };
}
