import type { Appointment, AppointmentData, AppointmentsResponse } from '@luukku/shared';
import { hubDate } from '../components/appointment-time.js';

/**
 * The day's appointments after an `appointment` event: the one it carries replaces the one with
 * its id, joins the day in time order when it is on that day, and leaves it when moved away.
 * A checked-in appointment's event carries its number; a later event without one keeps it.
 */
export function withAppointment(day: AppointmentsResponse, data: AppointmentData, timeZone: string): AppointmentsResponse {
  const a = data.appointment;
  const before = day.appointments.find((x) => x.id === a.id);
  const rest = day.appointments.filter((x) => x.id !== a.id);
  if (hubDate(Date.parse(a.startsAt), timeZone) !== day.day) return { ...day, appointments: rest };
  const next: Appointment = { ...a, number: a.number ?? before?.number ?? null };
  const appointments = [...rest, next].sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt) || x.id - y.id);
  return { ...day, appointments };
}
