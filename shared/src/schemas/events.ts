import { z } from 'zod';
import { Id, VisitorLanguage } from './common.js';
import { PublicVisit, StaffStep } from './visit.js';
import { QueueLine } from './queue.js';
import { Desk } from './catalog.js';
import { PrinterStatus } from './printer.js';
import { AppointmentData } from './appointments.js';

/** A call as the lobby hears it: number and desk, never who or why. */
export const CallData = z.object({
  stepId: Id,
  number: z.string(),
  deskId: Id,
  deskName: z.string(),
  zone: z.string(),
  agencyId: Id,
  color: z.string(),
  language: VisitorLanguage,
  recall: z.boolean(),
});
export type CallData = z.infer<typeof CallData>;

export const RecentCall = CallData.extend({ at: z.string() });
export type RecentCall = z.infer<typeof RecentCall>;

/**
 * A visitor joined (+1) or left (-1) a line, at this place in it. A phone page counts the
 * people ahead of it from these: a move ahead of its own place changes its count. The place
 * is the line's order (priority first, then queue time, then step), never who it is.
 */
export const LineMove = z.object({
  serviceId: Id,
  stepId: Id,
  priority: z.number().int(),
  queueTime: z.string(),
  delta: z.union([z.literal(1), z.literal(-1)]),
});
export type LineMove = z.infer<typeof LineMove>;

/** Every line's figures after a change, and who joined or left which line in it. */
export const QueuesData = z.object({ queues: z.array(QueueLine), moves: z.array(LineMove) });
export type QueuesData = z.infer<typeof QueuesData>;

export const StepChange = z.enum([
  'issued', 'activated', 'called', 'recalled', 'started', 'finished', 'no_show', 'returned', 'cancelled', 'referred', 'taken_over',
]);
export type StepChange = z.infer<typeof StepChange>;

export const StepData = z.object({ change: StepChange, step: StaffStep });
export type StepData = z.infer<typeof StepData>;

/** The visit as its phone page shows it, after a change to it: the page replaces its own. */
export const VisitData = PublicVisit.omit({ seq: true, token: true }).extend({
  /** The visit's day is over: the number no longer holds (the page says so, as a new load would). */
  expired: z.literal(true).optional(),
});
export type VisitData = z.infer<typeof VisitData>;

/** A kiosk's printer failed or recovered: staff see it, so someone brings paper. */
export const DeviceData = PrinterStatus;
export type DeviceData = z.infer<typeof DeviceData>;

/** A desk opened, closed, paused, or took or let go of a visitor: staff consoles show every desk. */
export const DeskData = Desk;
export type DeskData = z.infer<typeof DeskData>;

/** The hub's setup changed (services, hours, questions, desks): screens reload what they show. */
export const CatalogData = z.object({ changed: z.string() });
export type CatalogData = z.infer<typeof CatalogData>;

export interface EventDataMap {
  call: CallData;
  queues: QueuesData;
  step: StepData;
  visit: VisitData;
  device: DeviceData;
  desk: DeskData;
  catalog: CatalogData;
  /** An appointment was booked, moved, cancelled or checked in: its agency's staff only. */
  appointment: AppointmentData;
}
export type EventType = keyof EventDataMap;

export type HubEvent = {
  [K in EventType]: { seq: number; type: K; at: string; data: EventDataMap[K] };
}[EventType];

export const SyncRequest = z.object({ since: z.number().int().min(0) }).strict();

export type SyncAck =
  | { data: { events: HubEvent[]; seq: number; reset: boolean } }
  | { error: { code: string; message: string } };

/** Server → client. Every message carries the hub-wide `seq`. */
export interface ServerEvents {
  call: (event: Extract<HubEvent, { type: 'call' }>) => void;
  queues: (event: Extract<HubEvent, { type: 'queues' }>) => void;
  step: (event: Extract<HubEvent, { type: 'step' }>) => void;
  visit: (event: Extract<HubEvent, { type: 'visit' }>) => void;
  device: (event: Extract<HubEvent, { type: 'device' }>) => void;
  desk: (event: Extract<HubEvent, { type: 'desk' }>) => void;
  catalog: (event: Extract<HubEvent, { type: 'catalog' }>) => void;
  appointment: (event: Extract<HubEvent, { type: 'appointment' }>) => void;
}

/** Client → server. */
export interface ClientEvents {
  sync: (request: { since: number }, ack: (answer: SyncAck) => void) => void;
}
