import { randomInt } from 'node:crypto';
import { checkInAlphabet, type AppointmentPolicy } from '@luukku/shared';

export const defaultAppointmentPolicy: AppointmentPolicy = { earlyMin: 10, lateMin: 10 };

/** Where a checked-in appointment goes in its line. */
export interface CheckInPlace {
  queueTime: number;
  priority: number;
  late: boolean;
}

/** Above referrals sent to the front (1): an appointment due now is called at its time. */
export const appointmentPriority = 2;

/**
 * An appointment checked in up to `lateMin` after its start is due from `earlyMin` before it,
 * ahead of walk-ins (priority 2, queue time = start − early: arriving earlier it waits behind
 * everyone due, see claimNext). Later than that it joins as a walk-in who arrived now.
 */
export function checkInPlace(startsAt: number, policy: AppointmentPolicy, now: number): CheckInPlace {
  if (now > startsAt + policy.lateMin * 60_000) return { queueTime: now, priority: 0, late: true };
  return { queueTime: startsAt - policy.earlyMin * 60_000, priority: appointmentPriority, late: false };
}

/** When an appointment not yet in its line would go ahead of walk-ins; null once it is too late to. */
export function appointmentDueAt(startsAt: number, policy: AppointmentPolicy, now: number): number | null {
  return now > startsAt + policy.lateMin * 60_000 ? null : startsAt - policy.earlyMin * 60_000;
}

/** Six characters from an alphabet without look-alikes, from the system's CSPRNG: not guessable in sequence. */
export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += checkInAlphabet[randomInt(checkInAlphabet.length)];
  return code;
}
