import { z } from 'zod';
import { Id, LocalizedText, VisitorLanguage } from './common.js';
import { StaffStep, VisitStatus } from './visit.js';
import { PrinterStatus } from './printer.js';

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

export const QueuesData = z.object({
  queues: z.array(z.object({ serviceId: Id, agencyId: Id, waiting: z.number().int(), estimateMin: z.number().int() })),
});
export type QueuesData = z.infer<typeof QueuesData>;

export const StepChange = z.enum([
  'issued', 'activated', 'called', 'recalled', 'started', 'finished', 'no_show', 'returned', 'cancelled', 'referred', 'taken_over',
]);
export type StepChange = z.infer<typeof StepChange>;

export const StepData = z.object({ change: StepChange, step: StaffStep });
export type StepData = z.infer<typeof StepData>;

/** What the visitor's phone page needs to redraw; it reloads the details over HTTP. */
export const VisitData = z.object({
  number: z.string(),
  status: VisitStatus,
  stepStatus: z.string().nullable(),
  label: LocalizedText.nullable(),
  deskName: z.string().nullable(),
});
export type VisitData = z.infer<typeof VisitData>;

/** A kiosk's printer failed or recovered: staff see it, so someone brings paper. */
export const DeviceData = PrinterStatus;
export type DeviceData = z.infer<typeof DeviceData>;

/** The hub's setup changed (services, hours, questions, desks): screens reload what they show. */
export const CatalogData = z.object({ changed: z.string() });
export type CatalogData = z.infer<typeof CatalogData>;

export interface EventDataMap {
  call: CallData;
  queues: QueuesData;
  step: StepData;
  visit: VisitData;
  device: DeviceData;
  catalog: CatalogData;
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
  catalog: (event: Extract<HubEvent, { type: 'catalog' }>) => void;
}

/** Client → server. */
export interface ClientEvents {
  sync: (request: { since: number }, ack: (answer: SyncAck) => void) => void;
}
