/**
 * A wall display. Mirrors display-ui/src/display/data/display-data.ts (DisplayController): a
 * socket with the device token (and zone), whose snapshot is GET /api/display/snapshot
 * (limit 12, the zone if one is set); events are applied in place — a `call` joins the history
 * and is announced, `queues` replaces the counts of the lines it carries — and only a `catalog` change fetches the
 * snapshot again. Each call's arrival is handed to `onCall` with the moment it was heard
 * (performance.now()), for the call-to-display latency.
 */
import { withLineFigures } from '@luukku/shared';
import { performance } from 'node:perf_hooks';
import type { CallData, DisplaySnapshot, HubEvent, RecentCall } from '@luukku/shared';
import { ModelApi, type ModelEnv } from './net.js';
import { connectLive, type Live } from './realtime.js';

const snapshotLimit = 12;

export class WallDisplay {
  calls: RecentCall[] = [];
  queues: DisplaySnapshot['queues'] = [];
  private readonly api: ModelApi;
  private live: Live | null = null;
  private refreshing = false;

  private constructor(
    env: ModelEnv,
    private readonly token: string,
    private readonly zone: string | null,
    private readonly onCall: (call: CallData, heardAt: number) => void,
  ) {
    this.api = new ModelApi(env, 'display', { token }, 1);
  }

  static async open(env: ModelEnv, token: string, zone: string | null, onCall: (call: CallData, heardAt: number) => void): Promise<WallDisplay> {
    const d = new WallDisplay(env, token, zone, onCall);
    d.live = await connectLive(env, {
      kind: 'display',
      auth: zone ? { token, zone } : { token },
      snapshot: async () => {
        const s = await d.fetchSnapshot();
        d.queues = s.queues;
        d.calls = s.calls;
        return s.seq;
      },
      onEvent: (e) => d.apply(e),
    });
    return d;
  }

  private fetchSnapshot(): Promise<DisplaySnapshot> {
    const params = new URLSearchParams({ limit: String(snapshotLimit) });
    if (this.zone) params.set('zone', this.zone);
    return this.api.request<DisplaySnapshot>('GET', `/api/display/snapshot?${params}`);
  }

  private apply(e: HubEvent): void {
    if (e.type === 'call') {
      this.onCall(e.data, performance.now());
      this.calls = [{ ...e.data, at: e.at }, ...this.calls.filter((c) => c.number !== e.data.number)].slice(0, snapshotLimit);
    } else if (e.type === 'queues') {
      this.queues = withLineFigures(this.queues, e.data.queues);
    } else if (e.type === 'catalog' && !this.refreshing) {
      // names and colours from a fresh snapshot; calls stay as the event stream made them
      this.refreshing = true;
      void this.fetchSnapshot()
        .then((s) => (this.queues = s.queues))
        .catch(() => undefined)
        .finally(() => (this.refreshing = false));
    }
  }

  close(): void {
    this.live?.close();
    this.api.close();
  }
}
