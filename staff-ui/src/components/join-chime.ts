import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QueueSummary } from '@luukku/shared';

const soundKey = 'luukku.staff.sound';

/** What the chime listens to, read from the console on each update. */
export interface ChimeView {
  queues: readonly QueueSummary[];
  /** The services of this desk; none when no desk is open. */
  serviceIds: readonly number[];
  /** This console's own action or load is running: what changes then is not someone joining. */
  ownAction: boolean;
  /** The visit at this desk now, if any. */
  currentVisitId: number | null;
}

/**
 * An optional short tone when someone joins an empty line this desk serves (off by default,
 * remembered in localStorage). It remembers whether each served line was empty at the last
 * update; a visitor this desk never held showing up in it is a join. A line the desk only
 * now serves, and anything that changes during the console's own action, only sets the baseline.
 */
export class JoinChime implements ReactiveController {
  enabled = localStorage.getItem(soundKey) === '1';
  /** Tones played since the console loaded (shown on the toggle, which a test can read). */
  played = 0;
  /** Whether each line this desk serves was empty at the last update. */
  private empty = new Map<number, boolean>();
  /** Visits this desk has held: one it returned or referred into its own line is its own doing, whenever the event comes. */
  private held = new Set<number>();
  private audio: AudioContext | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: () => ChimeView,
  ) {
    host.addController(this);
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    localStorage.setItem(soundKey, on ? '1' : '0');
    // a user's gesture is what lets the page start audio later
    if (on) this.context();
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const { queues, serviceIds, ownAction, currentVisitId } = this.view();
    if (currentVisitId !== null) this.held.add(currentVisitId);
    const next = new Map<number, boolean>();
    let joined = false;
    for (const q of queues) {
      if (!serviceIds.includes(q.serviceId)) continue;
      const entries = q.entries ?? [];
      const wasEmpty = this.empty.get(q.serviceId);
      let empty = q.waiting === 0 && entries.length === 0;
      if (wasEmpty && !empty) {
        if (entries.some((e) => !this.held.has(e.visitId))) joined = true;
        // the count may come before the visitor does (two events): still empty until they show
        else if (entries.length === 0) empty = true;
      }
      next.set(q.serviceId, empty);
    }
    this.empty = next;
    if (joined && !ownAction && this.enabled) this.play();
  }

  hostDisconnected(): void {
    void this.audio?.close();
    this.audio = null;
  }

  private context(): AudioContext | null {
    try {
      this.audio ??= new AudioContext();
      return this.audio;
    } catch {
      return null;
    }
  }

  /** A soft two-note tone, under half a second. */
  private play(): void {
    this.played++;
    this.host.requestUpdate();
    const ctx = this.context();
    if (!ctx) return;
    void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime;
    for (const [i, freq] of [660, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const at = start + i * 0.18;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.17);
    }
  }
}
