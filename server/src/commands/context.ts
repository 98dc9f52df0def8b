import type { Queries, UserRecord, DeviceRecord, EventRecord } from '@luukku/db';
import type { EventType, EventDataMap, LineMove } from '@luukku/shared';

export type Actor =
  | { kind: 'user'; hubId: number; user: UserRecord }
  | { kind: 'device'; hubId: number; device: DeviceRecord };

export interface StoredEvent extends EventRecord {
  hubId: number;
}

/** What commands need from the outside world; tests give their own clock. */
export interface CommandContext {
  q: Queries;
  now: () => Date;
  /** Called after commit with the events the change wrote, in sequence order. */
  publish: (events: readonly StoredEvent[]) => void;
  newToken: () => string;
}

/** Who may receive an event: everyone in the hub, one display zone, some agencies, one visit. */
export interface Audience {
  zone?: string | null;
  agencyIds?: readonly number[] | null;
  visitId?: number | null;
}

export interface Writer {
  emit<K extends EventType>(type: K, data: EventDataMap[K], audience?: Audience): void;
  /** Who joined or left which line in this command, for the `queues` event that ends it. */
  readonly moves: LineMove[];
  /** The lines whose figures this command changed (a step of theirs moved or ended). */
  readonly touched: Set<number>;
  /** The command's clock: views written into events order lines at this moment. */
  readonly now: number;
}

/**
 * Runs one command as one transaction: the change and its events commit together, and only
 * then are the events published. A command that throws writes nothing and publishes nothing.
 */
export function write<T>(ctx: CommandContext, hubId: number, fn: (w: Writer, now: number) => T): T {
  const events: StoredEvent[] = [];
  const result = ctx.q.transaction(() => {
    events.length = 0;
    const now = ctx.now().getTime();
    const pending: Omit<StoredEvent, 'seq'>[] = [];
    const writer: Writer = {
      moves: [],
      touched: new Set(),
      now,
      emit(type, data, audience = {}) {
        pending.push({
          hubId,
          type,
          zone: audience.zone ?? null,
          agencyIds: audience.agencyIds ? [...new Set(audience.agencyIds)] : null,
          visitId: audience.visitId ?? null,
          data,
          at: now,
        });
      },
    };
    const out = fn(writer, now);
    // one bump of the hub's sequence for the whole command: consecutive seqs, in emit order
    const seqs = ctx.q.appendEvents(hubId, pending);
    pending.forEach((e, i) => events.push({ ...e, seq: seqs[i]! }));
    return out;
  });
  if (events.length > 0) ctx.publish(events);
  return result;
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.user.id : null;
}
